"""Page querysets shared by every app."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from django.utils import translation
from wagtail.models import PageViewRestriction


def exclude_private(pages):
    """``pages.public()`` in the same query: leaves out pages with a view restriction on
    themselves or an ancestor. Wagtail's ``public()`` first loads every restriction (one more
    query each time); this asks the database with a subquery instead."""
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restricted))


def place_under(page_models, *parent_types):
    """Let ``page_models`` be created only under ``parent_types``. A section page of a lower
    app (``parent_page_types = []``: nowhere yet) may not name the app above it that holds
    its parent, so that app places it here, once, when its models load."""
    for model in page_models:
        model.parent_page_types = list(parent_types)
        model._clean_parent_page_models = None  # Wagtail's cache of the resolved list


LOCALES_KEY = "headless:locales"


def locale_ids():
    """``{language_code: locale id}`` of every Wagtail locale, from the shared cache (the
    table is tiny and changes almost never; saving or deleting a Locale clears it)."""
    from wagtail.models import Locale

    found = cache.get(LOCALES_KEY)
    if found is None:
        found = dict(Locale.objects.values_list("language_code", "id"))
        cache.set(LOCALES_KEY, found, 3600)
    return found


def forget_locales(**kwargs):
    cache.delete(LOCALES_KEY)


def language_of(locale_id):
    """The language code of a locale id, without a query when the cache holds it."""
    for language, pk in locale_ids().items():
        if pk == locale_id:
            return language
    return None


def in_active_language(pages):
    """Each page's live translation in the active language where one exists, else the page
    itself (as ``page.localized``); one query for the translations, none when every page is
    already in that language."""
    from wagtail.models import Page

    pages = list(pages)
    if not pages or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return pages
    locale_id = locale_ids().get(translation.get_language())
    if locale_id is None:
        return pages
    elsewhere = {page.translation_key for page in pages if page.locale_id != locale_id}
    if not elsewhere:
        return pages
    found = Page.objects.live().filter(locale_id=locale_id, translation_key__in=elsewhere)
    translations = {page.translation_key: page for page in found.specific()}
    return [
        page if page.locale_id == locale_id else translations.get(page.translation_key, page)
        for page in pages
    ]
