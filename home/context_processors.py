from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .contrast import chosen_theme
from .theme import HIGH, theme_css_version


def site_frame(request):
    """What every public page's frame needs on first paint: the reader's theme (so the server
    renders it and nothing flashes), the token stylesheet's version and the portal's name."""
    theme = chosen_theme(request)
    return {
        "contrast_theme": theme,
        "contrast_high": theme == HIGH,
        "theme_css_version": theme_css_version(),
        "portal_name": getattr(settings, "PORTAL_SITE_NAME", _("Provincial e-portal")),
    }
