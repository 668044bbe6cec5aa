from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo-site builder (``load_demo`` and its data): the project installs it; the
    packaged apps do not ship it."""

    name = "demo"
    verbose_name = _("Demo site")
