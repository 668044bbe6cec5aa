from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from headless.caching import register_cache_rule

        # The design tokens change only with a deployment.
        register_cache_rule("/api/v3/theme/", (), 3600)
