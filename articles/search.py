"""Accent-insensitive search for Vietnamese.

Every page type indexes an extra field holding its text without diacritics, and queries are
stripped the same way, so "cai cach hanh chinh" finds "cải cách hành chính" on any database
backend (SQLite FTS, PostgreSQL tsvector) without database extensions."""

import unicodedata

from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail.search import index

# "đ" is a letter of its own in Unicode, not "d" plus a combining mark.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})


def unaccent(text):
    """Lowercase ``text`` and drop its diacritics: "Đẩy mạnh" -> "day manh"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


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
    terms = unaccent(query).strip()
    if not terms:
        return pages.none()
    return pages.search(terms, operator="and")
