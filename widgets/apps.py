from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WidgetsConfig(AppConfig):
    name = "widgets"
    verbose_name = _("Widgets")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from headless.signals import bump_on_change

        from .budget.models import BudgetDocument
        from .monitoring.models import Reading, Station
        from .weather.models import City, Forecast

        # An edit in the admin (a threshold, a corrected reading, a forecast typed by hand)
        # shows at once on the site and in the API; imports and fetches send data_changed.
        bump_on_change(Station, "readings")
        bump_on_change(Reading, "readings")
        bump_on_change(City, "weather")
        bump_on_change(Forecast, "weather")
        bump_on_change(BudgetDocument, "budget")
