from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeadlessConfig(AppConfig):
    """The delivery side of the headless API, shared by every app's router: typed
    StreamField schemas, HTTP caching, rate limits, preview tokens and webhooks."""

    name = "headless"
    verbose_name = _("Headless API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals, streamfield  # noqa: F401 (checks registers itself)

        streamfield.register()
        from wagtail.images import get_image_model

        from .fields import add_image_api_fields

        add_image_api_fields(get_image_model())  # before wagtail.images builds its v3 schema
        signals.connect()
