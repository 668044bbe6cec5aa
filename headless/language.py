"""The language of an API answer: ``?locale=`` when given, else the client's
``Accept-Language``, else the site's default language.

Django's ``LocaleMiddleware`` gives every path outside ``i18n_patterns`` the default language
when the default is not prefixed (Vietnamese at ``/``), so without this the API answered in
Vietnamese whatever ``Accept-Language`` said while its responses carried
``Vary: Accept-Language``. The language chosen here is the one every text the server writes
is in (labels, headings, descriptions of data, numbers, error messages) and is part of the
API cache's key (``headless.caching``); which pages a listing holds stays a filter
(``?locale=``)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from .conf import app_settings


def _supported(code):
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def api_language(request):
    """The language an API request asks for (a code of ``settings.LANGUAGES``)."""
    requested = _supported(request.GET.get("locale", ""))
    if requested:
        return requested
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            break
        chosen = _supported(code)
        if chosen:
            return chosen
    return settings.LANGUAGE_CODE


class APILanguageMiddleware:
    """Activate :func:`api_language` for API paths. Goes after ``LocaleMiddleware`` (which it
    overrides there) and before ``headless.caching.APICacheMiddleware`` (whose key holds the
    language)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(app_settings.PORTAL_API_PREFIXES)

    def __call__(self, request):
        if request.path_info.startswith(self.prefixes):
            language = api_language(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


def written_in(item):
    """The language code ``item`` is written in, or "" when unknown: a code itself, an
    object's ``content_language``, or the locale of a translatable object (page, image…)."""
    from .pages import language_of  # locale ids from the shared cache (pages needs Wagtail)

    if not item:
        return ""
    if isinstance(item, str):
        return item
    code = getattr(item, "content_language", None)
    if code is not None:
        return code or ""
    locale_id = getattr(item, "locale_id", None)
    return (language_of(locale_id) or "") if locale_id is not None else ""
