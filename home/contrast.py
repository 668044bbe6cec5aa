"""The reader's contrast choice: a long-lived cookie holding "high" or "normal".

No cookie means no choice: the stylesheet then follows the system's ``prefers-contrast``."""

from django.conf import settings

from .conf import app_settings
from .theme import HIGH, NORMAL

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
        httponly=True,  # the server renders the theme; scripts never need to read it
        secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
    )
    return response
