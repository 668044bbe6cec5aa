"""What a search box's text becomes before it reaches the search index: one place for every
search of the site (public page, APIs, admin).

A user's query is plain words, whatever it contains: quotes, brackets, ``*``, ``-``, ``AND``,
NUL bytes, lone surrogates and very long input are reduced to the words in it, so no query
can be a syntax error for SQLite FTS5 or PostgreSQL's ``to_tsquery``. Words are folded
(lowercase, no diacritics, "đ" -> "d") exactly as the indexed text is, which makes every
search accent-insensitive."""

import re
import unicodedata

# Enough for any real query; more is cut before any work is done on it.
MAX_QUERY_CHARS = 4096
# A query keeps its first MAX_TERMS different words, each at most MAX_TERM_CHARS long.
MAX_TERMS = 32
MAX_TERM_CHARS = 64

# "đ" is a letter of its own in Unicode, not "d" plus a combining mark, so NFD leaves it.
_LETTERS = str.maketrans({"đ": "d"})
# Letters and digits; everything else (operators, punctuation, "_") separates words.
_WORD = re.compile(r"[^\W_]+")


def fold(text):
    """Lowercase ``text`` and drop its diacritics: "Đẩy mạnh" -> "day manh"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).lower().translate(_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def printable(text):
    """``text`` (cut at MAX_QUERY_CHARS) with NUL and other control characters as spaces and
    without lone surrogates, which no database accepts."""
    text = str(text)
    if len(text) > MAX_QUERY_CHARS:
        cut = text[:MAX_QUERY_CHARS]
        # not the start of a word that goes on beyond the cut
        text = cut if text[MAX_QUERY_CHARS].isspace() else cut.rpartition(" ")[0] or cut
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)


def search_words(query):
    """The folded words of a user's query, in order, without repeats."""
    if not query:
        return []
    words = []
    for word in _WORD.findall(fold(printable(query))):
        word = word[:MAX_TERM_CHARS]
        if word not in words:
            words.append(word)
            if len(words) == MAX_TERMS:
                break
    return words


def search_terms(query):
    """A user's query as the plain words the search index holds: "Khởi "công" (AND*" ->
    "khoi cong and"; "" when nothing searchable is left."""
    return " ".join(search_words(query))
