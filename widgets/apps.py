from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WidgetsConfig(AppConfig):
    name = "widgets"
    verbose_name = _("Widgets")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents import get_document_model

        from headless.caching import register_cache_rule, register_cache_topic
        from headless.signals import bump_on_change

        from .budget.models import BudgetDocument
        from .monitoring.models import Reading, Station
        from .weather.models import City, Forecast

        for topic in ("readings", "weather", "budget"):
            register_cache_topic(topic)
        # A visit changes the counters only: cached pages stay, and the statistics block in
        # a page body says when its figures were read (the live ones are at /api/v3/stats/).
        register_cache_topic("stats", shown_in_pages=False)
        register_cache_rule("/api/v3/stats/", ("stats",), 10)
        register_cache_rule("/api/v3/stations/", ("readings",), 60)
        register_cache_rule("/api/v3/weather/", ("weather",), 300)
        register_cache_rule("/api/v3/budget/", ("budget",), 300)

        # An edit in the admin (a threshold, a corrected reading, a forecast typed by hand)
        # shows at once on the site and in the API; imports and fetches send data_changed.
        bump_on_change(Station, "readings")
        bump_on_change(Reading, "readings")
        bump_on_change(City, "weather")
        bump_on_change(Forecast, "weather")
        bump_on_change(BudgetDocument, "budget")
        # A disclosure's file is a Wagtail document: replacing it renews the budget listings.
        bump_on_change(get_document_model(), "budget")
