"""The widgets' admin: three menu groups (monitoring data, weather, budget disclosure)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_viewsets import MenuGroup, SingleViewSet
from .budget.admin_views import BudgetStatusView
from .budget.models import BudgetDocument
from .monitoring.admin_views import ImportReadingsView, metric_name, reading_value
from .monitoring.models import Reading, Station
from .stats.models import VisitCounter
from .weather.models import City, Forecast


class StationViewSet(SnippetViewSet):
    model = Station
    icon = "site"
    menu_label = _("Stations")
    list_display = ["code", "name_vi", "river", "commune", "salinity_threshold"]
    search_fields = ["code", "name_vi", "name_en", "river", "commune"]
    ordering = ["sort_order", "name_vi"]


class ReadingFilterSet(WagtailFilterSet):
    class Meta:
        model = Reading
        fields = ["station", "metric"]


class ReadingViewSet(SnippetViewSet):
    model = Reading
    icon = "table"
    menu_label = _("Readings")
    list_display = [
        "station",
        Column(
            "metric", label=_("Metric"), accessor=lambda r: metric_name(r.metric), sort_key="metric"
        ),
        "observed_at",
        Column("value", label=_("Value"), accessor=reading_value, sort_key="value"),
    ]
    filterset_class = ReadingFilterSet
    list_per_page = 50

    def get_queryset(self, request):
        return Reading.objects.select_related("station")


import_readings = SingleViewSet(
    "widgets/import-readings",
    ImportReadingsView,
    permission="widgets.add_reading",
    menu_label=_("Import readings"),
)


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    menu_label = _("Cities")
    list_display = ["name_vi", "name_en", "latitude", "longitude", "sort_order"]


class ForecastViewSet(SnippetViewSet):
    """Fetched forecasts can be read; an editor may add one by hand when the feed is down."""

    model = Forecast
    icon = "time"
    menu_label = _("Forecasts")
    list_display = ["city", "fetched_at", "provider", "weather_code", "temperature"]
    list_filter = ["city", "provider"]

    def get_queryset(self, request):
        return Forecast.objects.select_related("city").defer("raw")


class BudgetDocumentViewSet(SnippetViewSet):
    model = BudgetDocument
    icon = "doc-full"
    menu_label = _("Budget documents")
    list_display = ["title", "fiscal_year", "period", "form_code", "published_on"]
    list_filter = ["fiscal_year", "period"]


budget_status = SingleViewSet(
    "widgets/budget-status",
    BudgetStatusView,
    permission="widgets.view_budgetdocument",
    menu_label=_("Disclosure deadlines"),
    icon="date",
)


class VisitCounterViewSet(SnippetViewSet):
    model = VisitCounter
    icon = "pick"
    menu_label = _("Visit counters")
    add_to_settings_menu = True
    list_display = ["name", "value"]
    panels = [FieldPanel("value")]


# Three groups after Wagtail's own menu items; the visit counters go in the settings menu.
register_snippet(
    MenuGroup(_("Monitoring data"), "site", 300, (StationViewSet, ReadingViewSet, import_readings))
)
register_snippet(MenuGroup(_("Weather"), "site", 301, (CityViewSet, ForecastViewSet)))
register_snippet(
    MenuGroup(_("Budget disclosure"), "doc-full", 302, (BudgetDocumentViewSet, budget_status))
)
register_snippet(VisitCounterViewSet)
