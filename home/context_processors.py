import logging

from django.db import DatabaseError
from django.utils.functional import SimpleLazyObject

from headless.numbers import format_number
from widgets.stats.counting import request_statistics

from .conf import app_settings
from .contrast import chosen_theme
from .theme import HIGH, theme_css_version

logger = logging.getLogger(__name__)


def site_frame(request):
    """What every public page's frame needs on first paint: the reader's theme (so the server
    renders it and nothing flashes), the token stylesheet's version and the portal's name."""
    theme = chosen_theme(request)
    return {
        "contrast_theme": theme,
        "contrast_high": theme == HIGH,
        "theme_css_version": theme_css_version(),
        "portal_name": app_settings.PORTAL_SITE_NAME,
    }


def _footer_statistics(request):
    try:
        figures = request_statistics(request)
    except DatabaseError:  # the page still renders, without the figures
        logger.exception("Could not read the visitor statistics")
        return {}
    return {
        "online_now": format_number(figures.online, grouping=True),
        "today": format_number(figures.today, grouping=True),
        "total": format_number(figures.total, grouping=True),
    }


def site_statistics(request):
    """The visitor statistics ("Thống kê") the footer shows on every page, as on the seed
    page. Lazy: the one query runs only when a template shows the figures, and a statistics
    block on the same page reuses its result."""
    return {"stats": SimpleLazyObject(lambda: _footer_statistics(request))}
