"""The salinity block ("Thông tin độ mặn") and the water-level block ("Thông tin mực nước")."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from ..formatting import as_float, format_change, format_quantity
from .chart import history_chart
from .data import newest_time, station_summaries
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


class MonitoringBlockData(Schema):
    heading: str
    description: str
    metric: str  # salinity | water_level
    unit: str
    as_of: datetime.datetime | None
    stations: list[StationRowData]


class StationRow:
    """A summary with its display texts, so the template only prints."""

    def __init__(self, summary):
        self.summary = summary
        self.station = summary.station

    @property
    def day_max_text(self):
        return format_quantity(self.summary.day_max, self.summary.unit)

    @property
    def latest_text(self):
        return format_quantity(self.summary.latest_value, self.summary.unit)

    @property
    def change_text(self):
        return format_change(self.summary.change, self.summary.unit)

    @property
    def as_of_text(self):
        if self.summary.latest_at is None:
            return ""
        return date_format(timezone.localtime(self.summary.latest_at), "SHORT_DATETIME_FORMAT")

    @cached_property
    def chart(self):
        return history_chart(self.summary)

    def as_data(self):
        """JSON-compatible data matching :class:`StationRowData`."""
        s = self.summary
        return {
            "code": s.station.code,
            "name": s.station.name,
            "river": s.station.river,
            "commune": s.station.commune,
            "unit": s.unit,
            "latest_value": as_float(s.latest_value),
            "latest_at": timezone.localtime(s.latest_at).isoformat() if s.latest_at else None,
            "day_max": as_float(s.day_max),
            "previous_day_max": as_float(s.previous_day_max),
            "change": as_float(s.change),
            "change_text": self.change_text,
            "state": s.state.code,
            "state_label": str(s.state.label),
            "stale": s.stale,
            "history": [{"date": p.day.isoformat(), "max": as_float(p.value)} for p in s.history],
        }


class MonitoringBlock(blocks.StructBlock):
    api_schema = MonitoringBlockData
    cache_topics = ("readings",)  # see widgets.fragments
    metric = None
    default_heading = ""

    heading = blocks.CharBlock(
        label=gettext_lazy("Heading"),
        required=False,
        help_text=gettext_lazy("Leave blank for the standard heading."),
    )
    description = blocks.CharBlock(label=gettext_lazy("Description"), required=False)
    stations = blocks.ListBlock(
        SnippetChooserBlock("widgets.Station", label=gettext_lazy("Station")),
        label=gettext_lazy("Stations"),
        help_text=gettext_lazy("Leave empty to show every station that measures this."),
    )
    show_chart = blocks.BooleanBlock(
        label=gettext_lazy("Show the 7-day chart"), required=False, default=True
    )

    def clean(self, value):
        value = super().clean(value)
        errors, seen = {}, set()
        flag = "measures_salinity" if self.metric == Metric.SALINITY else "measures_water_level"
        for index, station in enumerate(value.get("stations") or []):
            if station is None:
                continue
            if station.pk in seen:
                errors[index] = ValidationError(_("This station is already in the list."))
            elif not getattr(station, flag):
                errors[index] = ValidationError(
                    _("This station does not measure %(metric)s.")
                    % {"metric": Metric(self.metric).label.lower()}
                )
            seen.add(station.pk)
        if errors:
            raise StructBlockValidationError(
                block_errors={"stations": ListBlockValidationError(block_errors=errors)}
            )
        return value

    def rows(self, value, now=None):
        ids = [station.pk for station in (value.get("stations") or []) if station is not None]
        return [StationRow(s) for s in station_summaries(self.metric, ids or None, now=now)]

    def heading_text(self, value):
        return value.get("heading") or str(self.default_heading)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        rows = self.rows(value)
        as_of = newest_time([row.summary for row in rows])
        context.update(
            rows=rows,
            heading=self.heading_text(value),
            as_of=timezone.localtime(as_of) if as_of else None,
            any_stale=any(row.summary.stale for row in rows),
            unit=UNITS[self.metric],
            metric=self.metric,
        )
        return context

    def get_api_representation(self, value, context=None):
        rows = self.rows(value)
        as_of = newest_time([row.summary for row in rows])
        return {
            "heading": self.heading_text(value),
            "description": value.get("description") or "",
            "metric": str(self.metric),
            "unit": UNITS[self.metric],
            "as_of": timezone.localtime(as_of).isoformat() if as_of else None,
            "stations": [row.as_data() for row in rows],
        }


class SalinityBlock(MonitoringBlock):
    metric = Metric.SALINITY
    default_heading = gettext_lazy("Salinity")

    class Meta:
        icon = "tint"
        template = "widgets/blocks/station_table.html"
        label = gettext_lazy("Salinity")
        description = gettext_lazy(
            "Each station's highest salinity today and its change since yesterday."
        )
        preview_value = {"description": "Tình hình hạn mặn khu vực tỉnh Tiền Giang"}


class WaterLevelBlock(MonitoringBlock):
    metric = Metric.WATER_LEVEL
    default_heading = gettext_lazy("Water level")

    class Meta:
        icon = "tint"
        template = "widgets/blocks/station_table.html"
        label = gettext_lazy("Water level")
        description = gettext_lazy(
            "Each station's highest water level today, its change and its alarm level."
        )
        preview_value = {"description": "Tình hình mực nước khu vực tỉnh Tiền Giang"}
