from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from headless.caching import register_cache_rule, register_cache_topic

        # Pages show their rating, so a vote renews them as well as the listing.
        register_cache_topic("ratings")
        register_cache_rule("/api/v3/articles/", ("pages", "ratings"), 60)
