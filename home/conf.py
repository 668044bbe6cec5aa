"""The home app's settings and their defaults, in one place (see ``headless.conf``)."""

from django.utils.translation import gettext_lazy as _

from headless.conf import AppSettings

app_settings = AppSettings(
    PORTAL_CONTRAST_COOKIE="contrast",
    PORTAL_SITE_NAME=_("Provincial e-portal"),
)
