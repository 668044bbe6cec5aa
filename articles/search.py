"""Accent-insensitive search for Vietnamese.

The site's search backend (``vnsearch.backend``) folds what it indexes and every query, so
"cai cach hanh chinh" finds "cải cách hành chính" on SQLite and PostgreSQL, in the public
search, the APIs and the admin alike, and a query is only ever plain words
(``vnsearch.text.search_terms``). Page types also index an extra field holding their text
without diacritics, so a site that installs these apps with Wagtail's stock backend still
finds pages without accents.

The public search shows the index's best matches ordered again by ``vnsearch.ranking``: the
reader's words as a phrase, in the title before the body, the accents they typed preferred."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail.search import index

from vnsearch.ranking import rank
from vnsearch.text import fold as unaccent
from vnsearch.text import search_terms

# The index's best matches that ``rank`` orders again; later ones keep the index's order.
RANKED = 100


class UnaccentedSearchMixin:
    """Adds ``unaccented_text`` to a page's search index.

    A page type lists in ``unaccented_search_fields`` the attributes (or methods) whose text
    should also be searchable without accents."""

    unaccented_search_fields = ("title",)

    def unaccented_text(self):
        parts = []
        for name in self.unaccented_search_fields:
            value = getattr(self, name, "")
            if callable(value):
                value = value()
            if hasattr(value, "render_as_block") or hasattr(value, "stream_block"):
                value = value.render_as_block()
            parts.append(strip_tags(str(value or "")))
        return unaccent(" ".join(parts))


def unaccented_search_field():
    return index.SearchField("unaccented_text")


def matching_pages(query, locale=None):
    """Live, public pages of every type matching ``query``, accents or not, in the index's
    relevance order (Wagtail's search results)."""
    pages = Page.objects.live().public().exclude(depth__lte=1)
    if locale is None:
        locale = Locale.get_active()
    pages = pages.filter(locale=locale)
    terms = search_terms(query)
    if not terms:
        return pages.none()
    return pages.search(terms, operator="and")


def body_text(page):
    """A page's text other than its title, as its model indexes it: its own text fields
    (StreamFields as their searchable text), no related objects (no query)."""
    parts = [page.search_description]
    for field in type(page).get_search_fields():
        if type(field) is not index.SearchField or field.field_name in ("title", "unaccented_text"):
            continue
        try:
            model_field = field.get_field(type(page))
        except FieldDoesNotExist:
            continue
        if model_field.is_relation:
            continue
        value = field.get_value(page)
        parts.extend(value if isinstance(value, list | tuple) else [value])
    return strip_tags(" ".join(str(part) for part in parts if part))


def _specific(pages):
    """``pages`` as their specific types, in order: one query per page type."""
    found = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    return [found[page.pk] for page in pages if page.pk in found]


class RankedPages:
    """Search results a paginator reads: the first ``RANKED`` matches ordered by
    ``vnsearch.ranking.rank``, the rest in the index's order; specific pages."""

    def __init__(self, query, results):
        self.query = query
        self.results = results
        self._head = None
        self._count = None

    def count(self):
        if self._count is None:
            self._count = self.results.count()
        return self._count

    def __len__(self):
        return self.count()

    def head(self):
        if self._head is None:
            pages = _specific(list(self.results[:RANKED]))
            self._head = rank(self.query, pages, lambda page: page.title, body_text)
        return self._head

    def __iter__(self):
        return iter(self[0:None])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        if start >= RANKED:
            return _specific(list(self.results[start:stop]))
        pages = self.head()[start:stop]
        if stop is None or stop > RANKED:
            pages += _specific(list(self.results[RANKED:stop]))
        return pages


def search_pages(query, locale=None):
    """Live, public pages of every type matching ``query``, best match first
    (``vnsearch.ranking``), as specific pages."""
    return RankedPages(query, matching_pages(query, locale))
