"""Accent-insensitive search for Vietnamese.

The site's search backend (``vnsearch.backend``) folds what it indexes and every query, so
"cai cach hanh chinh" finds "cải cách hành chính" on SQLite and PostgreSQL, in the public
search, the APIs and the admin alike, and a query is only ever plain words
(``vnsearch.text.search_terms``). Page types also index an extra field holding their text
without diacritics, so a site that installs these apps with Wagtail's stock backend still
finds pages without accents."""

from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail.search import index

from vnsearch.text import fold as unaccent
from vnsearch.text import search_terms


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


def search_pages(query, locale=None):
    """Live, public pages of every type matching ``query``, accents or not."""
    pages = Page.objects.live().public().exclude(depth__lte=1)
    if locale is None:
        locale = Locale.get_active()
    pages = pages.filter(locale=locale)
    terms = search_terms(query)
    if not terms:
        return pages.none()
    return pages.search(terms, operator="and")
