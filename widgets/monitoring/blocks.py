"""The salinity block ("Thông tin độ mặn") and the water-level block ("Thông tin mực nước").

Data: :meth:`MonitoringBlock.build` (from ``data.station_summaries``). Schema:
:class:`MonitoringBlockData`. Template: ``widgets/blocks/monitoring.html``. Cache:
``cache_topics`` (a readings import bumps "readings")."""

import datetime
from decimal import Decimal
from functools import cached_property

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from ..base import WidgetBlock
from ..bilingual import VIETNAMESE
from ..formatting import format_change
from .chart import history_chart, quantity_text
from .data import newest_time, reference_threshold, station_summaries
from .models import UNITS, Metric


class DailyMaximumData(Schema):
    date: datetime.date  # Asia/Ho_Chi_Minh calendar day
    max: float | None


class StationRowData(Schema):
    code: str
    name: str
    river: str
    commune: str
    unit: str
    latest_value: float | None
    latest_at: datetime.datetime | None
    day_max: float | None
    previous_day_max: float | None
    change: float | None  # day_max - previous_day_max
    change_text: str  # "Tăng 1 g/l" in the request's language
    state: str  # normal | harmful | alarm_1 | alarm_2 | alarm_3 | below_alarm | unknown
    state_label: str
    stale: bool
    history: list[DailyMaximumData]

    # For the page only (never serialised): set by MonitoringBlock.build.
    _alert: bool = False  # the state is one to report (harmful, an alarm level)
    _threshold: Decimal | None = None  # the dashed line of the chart
    _name_language: str = VIETNAMESE  # the language ``name`` is in (see BilingualName)

    @property
    def content_language(self):
        """For ``{{ row|lang_attr }}``: the name's language."""
        return self._name_language

    @property
    def river_language(self):
        return VIETNAMESE  # rivers and communes are kept in Vietnamese only

    @property
    def alert(self):
        return self._alert

    @property
    def has_data(self):
        return self.latest_at is not None

    @property
    def day_max_text(self):
        return quantity_text(self.day_max, self.unit)

    @property
    def latest_text(self):
        return quantity_text(self.latest_value, self.unit)

    @property
    def as_of_text(self):
        """The newest reading's time; its date too unless it is today's."""
        if self.latest_at is None:
            return ""
        latest = timezone.localtime(self.latest_at)
        if latest.date() == timezone.localdate():
            return date_format(latest, "H:i")  # as in SHORT_DATETIME_FORMAT (vi, en)
        return date_format(latest, "SHORT_DATETIME_FORMAT")

    @cached_property
    def chart(self):
        return history_chart(self.history, self.unit, self._threshold)


class MonitoringBlockData(Schema):
    heading: str
    description: str
    metric: str  # salinity | water_level
    unit: str
    as_of: datetime.datetime | None
    stations: list[StationRowData]

    _show_chart: bool = False  # for the page only: the editor's "Show the 7-day chart"

    @property
    def show_chart(self):
        return self._show_chart

    @property
    def any_stale(self):
        return any(row.stale for row in self.stations)


def station_row(summary):
    """A :class:`StationRowData` of a ``data.StationSummary``."""
    s = summary
    return StationRowData(
        code=s.station.code,
        name=s.station.name,
        river=s.station.river,
        commune=s.station.commune,
        unit=s.unit,
        latest_value=s.latest_value,
        latest_at=timezone.localtime(s.latest_at) if s.latest_at else None,
        day_max=s.day_max,
        previous_day_max=s.previous_day_max,
        change=s.change,
        change_text=format_change(s.change, s.unit),
        state=s.state.code,
        state_label=str(s.state.label),
        stale=s.stale,
        history=[DailyMaximumData(date=p.day, max=p.value) for p in s.history],
    )


class MonitoringBlock(WidgetBlock):
    api_schema = MonitoringBlockData
    cache_topics = ("readings",)
    metric = None
    distinct_list = "stations"
    duplicate_message = gettext_lazy("This station is already in the list.")

    description = blocks.CharBlock(label=gettext_lazy("Description"), required=False)
    stations = blocks.ListBlock(
        SnippetChooserBlock("widgets.Station", label=gettext_lazy("Station")),
        label=gettext_lazy("Stations"),
        help_text=gettext_lazy("Leave empty to show every station that measures this."),
    )
    show_chart = blocks.BooleanBlock(
        label=gettext_lazy("Show the 7-day chart"), required=False, default=True
    )

    class Meta:
        icon = "tint"

    def item_error(self, station):
        flag = "measures_salinity" if self.metric == Metric.SALINITY else "measures_water_level"
        if getattr(station, flag):
            return None
        return _("This station does not measure %(metric)s.") % {
            "metric": Metric(self.metric).label.lower()
        }

    def rows(self, value, now=None):
        """The rows of :meth:`build` (``now``: the clock for staleness)."""
        return self.build(value, now=now).stations

    def build(self, value, context=None, now=None):
        """The chosen stations (every station measuring the metric if none is chosen)."""
        ids = [station.pk for station in (value.get("stations") or []) if station is not None]
        summaries = station_summaries(self.metric, ids or None, now=now)
        as_of = newest_time(summaries)
        data = MonitoringBlockData(
            heading=self.heading_text(value),
            description=value.get("description") or "",
            metric=str(self.metric),
            unit=UNITS[self.metric],
            as_of=timezone.localtime(as_of) if as_of else None,
            stations=[station_row(summary) for summary in summaries],
        )
        # The schema copies the rows it is given, so the page's extras are set on its own.
        data._show_chart = bool(value.get("show_chart"))
        for row, summary in zip(data.stations, summaries, strict=True):
            row._alert = bool(summary.state.level)
            row._threshold = reference_threshold(summary)
            row._name_language = summary.station.content_language
        return data


class SalinityBlock(MonitoringBlock):
    metric = Metric.SALINITY
    default_heading = gettext_lazy("Salinity")

    class Meta:
        label = gettext_lazy("Salinity")
        description = gettext_lazy(
            "Each station's highest salinity today and its change since yesterday."
        )
        preview_value = {"description": "Tình hình hạn mặn khu vực tỉnh Tiền Giang"}


class WaterLevelBlock(MonitoringBlock):
    metric = Metric.WATER_LEVEL
    default_heading = gettext_lazy("Water level")

    class Meta:
        label = gettext_lazy("Water level")
        description = gettext_lazy(
            "Each station's highest water level today, its change and its alarm level."
        )
        preview_value = {"description": "Tình hình mực nước khu vực tỉnh Tiền Giang"}
