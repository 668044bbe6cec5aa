from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from headless.caching import register_cache_rule
        from headless.signals import bump_on_change

        from .identity import SiteIdentity

        # The frame's agency details are cached with the pages (home.context_processors).
        bump_on_change(SiteIdentity, "pages")

        # The design tokens change only with a deployment.
        register_cache_rule("/api/v3/theme/", (), 3600)
