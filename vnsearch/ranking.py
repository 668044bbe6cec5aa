"""Which of a search's matches a reader sees first.

The index finds pages by their folded words ("cai cach" finds "cải cách" and "Cái... cách"
alike) and orders them by its relevance. ``rank`` then puts first the pages where the
reader's words occur together, as a phrase, and the accents the reader typed matter:

- each occurrence of the phrase in the title: 4 points (2 when it matches only without the
  accents the reader typed), at most 2 occurrences counted;
- each occurrence in the rest of the page: 1 point (0.5 without the accents), at most 3;
- equal points: the index's relevance order.

A query word typed without any diacritic matches every accented form ("cai" matches "cải"
and "Cái" alike), so "cai cach" ranks "cải cách" pages as "cải cách" does; a word typed with
its diacritics matches that spelling only ("cải" does not fully match "Cái")."""

import re
import unicodedata

from .text import MAX_TERM_CHARS, MAX_TERMS, fold, printable

TITLE_POINTS, BODY_POINTS = 4, 1
MAX_TITLE_HITS, MAX_BODY_HITS = 2, 3
# An occurrence that matches only once accents are dropped counts this much of a full one.
UNACCENTED_SHARE = 0.5

_WORD = re.compile(r"[^\W_]+")


def _words(text):
    text = unicodedata.normalize("NFC", printable(text or "").lower())
    return _WORD.findall(text)


class Phrase:
    """A reader's query as the words they typed, lowercase, with their accents."""

    def __init__(self, query):
        self.words = [word[:MAX_TERM_CHARS] for word in _words(query)[:MAX_TERMS]]
        self.folded = [fold(word) for word in self.words]

    def hits(self, text):
        """How often the phrase occurs in ``text``: (with the typed accents, without)."""
        if not self.words:
            return 0, 0
        words = _words(text)
        folded = [fold(word) for word in words]
        size = len(self.words)
        exact = loose = 0
        for start in range(len(words) - size + 1):
            if folded[start : start + size] != self.folded:
                continue
            loose += 1
            # a word typed without diacritics (typed == folded) takes any accents
            if all(
                typed in (folded_typed, word)
                for typed, folded_typed, word in zip(
                    self.words, self.folded, words[start : start + size], strict=True
                )
            ):
                exact += 1
        return exact, loose - exact

    def points(self, title, body):
        """The page's points for this phrase (see the module's docstring)."""
        return _points(self.hits(title), TITLE_POINTS, MAX_TITLE_HITS) + _points(
            self.hits(body), BODY_POINTS, MAX_BODY_HITS
        )


def _points(hits, points, most):
    exact, loose = hits
    exact = min(exact, most)
    loose = min(loose, most - exact)
    return points * (exact + UNACCENTED_SHARE * loose)


def rank(query, items, title, body):
    """``items`` (in the index's relevance order) best first for ``query``; ``title`` and
    ``body`` read an item's title and the rest of its text."""
    phrase = Phrase(query)
    points = {id(item): phrase.points(title(item), body(item)) for item in items}
    # sorted() is stable: equal points keep the index's order
    return sorted(items, key=lambda item: -points[id(item)])
