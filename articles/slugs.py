"""Page slugs from Vietnamese titles: one transliteration rule for the server and the admin.

The rule is ``slug_for``: Django's ``slugify`` over the title folded by the search module's
``unaccent`` ("Khởi công cầu Rạch Miễu 2" -> "khoi-cong-cau-rach-mieu-2", "đ" -> "d").
Tones are dropped, so "Tiền Giang" and "Tiến Giang" make the same slug; ``free_slug`` then
gives the second page ``-2`` (Wagtail's own suffix rule), so two pages never share an address.

The admin's slug field (Wagtail's ``SlugInput``, the ``w-slug`` Stimulus controller) turns a
title into a slug in the browser. Its ``formatters`` run before Wagtail's own ``urlify``; they
are generated here from ``unaccent`` itself, letter by letter, so the browser and the server
cannot drift apart. ``register_slug_input`` puts that widget on every model slug field of the
admin (all page types, snippets), through Wagtail's ``register_form_field_override``.
"""

import unicodedata

from django.db import models
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

from .search import unaccent

SLUG_MAX_LENGTH = 255  # Page.slug

# Latin letters an editor may type: Latin-1 Supplement, Latin Extended-A and -B and
# Latin Extended Additional (all of Vietnamese's precomposed letters: "ạ", "ầ", "ữ"...).
_LATIN_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))


def slug_for(title):
    """The ASCII slug of ``title``: "Đẩy mạnh cải cách" -> "day-manh-cai-cach"."""
    return slugify(unaccent(title))[:SLUG_MAX_LENGTH].strip("-_")


def free_slug(parent, slug, page=None):
    """``slug``, or ``slug-2``, ``slug-3``… : the first one no other child of ``parent`` uses
    (drafts and abandoned autosaves included). ``page`` is the page it is for, if saved."""
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = slug[: SLUG_MAX_LENGTH - len(suffix)].rstrip("-_") + suffix
    return candidate


def transliteration_table():
    """{letter: its ASCII letter} for every Latin letter that ``unaccent`` changes."""
    table = {}
    for first, last in _LATIN_RANGES:
        for code in range(first, last + 1):
            letter = chr(code)
            if not letter.isalpha():
                continue
            folded = unaccent(letter)
            if folded != letter.lower() and folded.isascii() and folded.isalnum():
                table[letter] = folded
    return table


def slug_formatters():
    """Wagtail ``SlugInput`` formatters (regex, replacement) applying ``unaccent`` in the
    browser, then trimming what Django's ``slugify`` trims, before Wagtail's ``urlify``."""
    by_ascii = {}
    for letter, folded in transliteration_table().items():
        by_ascii.setdefault(folded, []).append(letter)
    formatters = [(f"[{''.join(letters)}]", folded) for folded, letters in sorted(by_ascii.items())]
    # Letters typed as a base letter plus combining marks (some Vietnamese keyboards do):
    # ``unaccent`` decomposes and drops every combining mark.
    marks = "".join(chr(c) for c in range(0x0300, 0x0370) if unicodedata.combining(chr(c)))
    formatters.append((f"[{marks}]", ""))
    # ``slugify`` strips "-" and "_" at both ends: "– Tin mới" -> "tin-moi", not "-tin-moi".
    formatters.append((r"^[^A-Za-z0-9]+", ""))
    formatters.append((r"[^A-Za-z0-9]+$", ""))
    return formatters


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug widget, transliterating Vietnamese as the server does."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or slug_formatters(), locale=locale)


def register_slug_input():
    """Use ``VietnameseSlugInput`` for every model slug field in the admin's forms."""
    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})


class EditorialPageForm(WagtailAdminPageForm):
    """A page form that never loses a new page to a taken slug.

    When the slug is the one the title makes (the editor never chose another) or is empty,
    and a sibling (a draft or an abandoned autosave included) already has it, the page gets
    the first free suffix: "tien-giang" -> "tien-giang-2". A slug the editor typed keeps
    Wagtail's field error. Autosave gets the new slug back in ``field_updates``."""

    def clean(self):
        self._take_a_free_slug()
        return super().clean()

    def _take_a_free_slug(self):
        data = self.cleaned_data
        if "slug" not in data or self.parent_page is None:
            return  # the slug field has its own error, or is not on this form
        derived = slug_for(data.get("title"))
        if not derived or data["slug"] not in ("", derived):
            return
        data["slug"] = free_slug(self.parent_page, derived, page=self.instance)

    def get_field_updates_for_resave(self):
        updates = list(super().get_field_updates_for_resave())
        name = self.add_prefix("slug")
        slug = self.cleaned_data.get("slug")
        if slug and self.data.get(name) != slug:
            updates.append((name, slug))
        return updates
