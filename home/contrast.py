"""The reader's contrast choice: a long-lived cookie holding "high" or "normal".

No cookie means no choice: the stylesheet then follows the system's ``prefers-contrast``.
The pages themselves never read the cookie (they are cached for every reader alike): the
choice reaches the page as a small private stylesheet, ``choice_stylesheet``."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import etag, require_safe

from .conf import app_settings
from .theme import HIGH, NORMAL, choice_css, theme_css_version

THEMES = (HIGH, NORMAL)
ONE_YEAR = 365 * 24 * 60 * 60


def cookie_name():
    return app_settings.PORTAL_CONTRAST_COOKIE


def chosen_theme(request):
    """The theme the reader chose, or None when they have not chosen."""
    value = request.COOKIES.get(cookie_name())
    return value if value in THEMES else None


def remember_theme(response, theme):
    response.set_cookie(
        cookie_name(),
        theme,
        max_age=ONE_YEAR,
        samesite="Lax",
        httponly=True,  # the choice reaches the page as a stylesheet; no script reads it
        secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
    )
    return response


def _choice_etag(request):
    return f"{theme_css_version()}-{chosen_theme(request) or 'none'}"


@require_safe
@etag(_choice_etag)
def choice_stylesheet(request):
    """The reader's theme as CSS, after the shared token stylesheet. Private (it follows the
    reader's cookie) and revalidated on each page (a 304 without a body): a choice made
    without JavaScript shows on the very next page."""
    response = HttpResponse(
        choice_css(chosen_theme(request)), content_type="text/css; charset=utf-8"
    )
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Cookie",))
    return response
