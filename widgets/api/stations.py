"""Monitoring stations: /api/v3/stations/, each station with its thresholds and its latest
reading per metric (the numbers of the salinity and water-level blocks)."""

import datetime
from typing import Annotated, Literal

from django.db.models import Q
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from ..formatting import as_float
from ..monitoring.data import station_summaries
from ..monitoring.models import UNITS, Metric, Station
from .common import LocaleParam, localized

router = Router(tags=["monitoring"])

MetricName = Literal["salinity", "water_level"]


class LatestReading(Schema):
    value: float = Field(description="the newest reading")
    observed_at: datetime.datetime = Field(description='its time: the "as of" time')
    day_max: float | None = Field(description="the maximum of that calendar day")
    previous_day_max: float | None
    change: float | None = Field(description="day_max minus the previous day's maximum")
    stale: bool = Field(description="older than the station's freshness limit")


class MetricStatus(Schema):
    unit: str
    fresh_for_seconds: int = Field(description="readings older than this are stale")
    state: str = Field(description="threshold state of the day's maximum")
    state_label: str
    latest: LatestReading | None


class SalinityStatus(MetricStatus):
    harmful_threshold: float = Field(description="g/l at or above which water harms rice")


class AlarmLevels(Schema):
    level_1: float | None
    level_2: float | None
    level_3: float | None


class WaterLevelStatus(MetricStatus):
    alarm_levels: AlarmLevels = Field(description="metres, in the station's own datum")


class StationOut(Schema):
    id: int
    code: str = Field(description="the permanent identity; names change when communes merge")
    name: str
    name_vi: str
    name_en: str
    river: str
    commune: str
    latitude: float | None
    longitude: float | None
    km_from_mouth: float | None
    salinity: SalinityStatus | None = Field(description="null if not measured here")
    water_level: WaterLevelStatus | None = Field(description="null if not measured here")


class StationList(Schema):
    locale: str
    count: int
    items: list[StationOut]


class StationFilters(Schema):
    locale: LocaleParam
    code: Annotated[
        str | None,
        Field(
            None,
            max_length=500,
            pattern=r"^[^\x00]*$",
            description="only the stations with these codes (comma-separated, any case): "
            "a station's code stays when its name changes",
        ),
    ]
    metric: Annotated[MetricName | None, Field(None, description="only stations measuring it")]
    limit: Annotated[int, Field(100, ge=1, le=500)]
    offset: Annotated[int, Field(0, ge=0, le=100_000)]


def _metric_status(summary, metric):
    station = summary.station
    latest = None
    if summary.has_data:
        latest = {
            "value": as_float(summary.latest_value),
            "observed_at": timezone.localtime(summary.latest_at),
            "day_max": as_float(summary.day_max),
            "previous_day_max": as_float(summary.previous_day_max),
            "change": as_float(summary.change),
            "stale": summary.stale,
        }
    data = {
        "unit": UNITS[metric],
        "fresh_for_seconds": int(station.freshness(metric).total_seconds()),
        "state": summary.state.code,
        "state_label": str(summary.state.label),
        "latest": latest,
    }
    if metric == Metric.SALINITY:
        data["harmful_threshold"] = as_float(station.salinity_threshold)
    else:
        data["alarm_levels"] = {
            f"level_{n}": as_float(getattr(station, f"alarm_level_{n}")) for n in (1, 2, 3)
        }
    return data


def _summaries(stations, metric, flag):
    ids = [s.pk for s in stations if getattr(s, flag)]
    if not ids:
        return {}
    return {s.station.pk: s for s in station_summaries(metric, ids)}


def station_data(station, salinity, water_level):
    return {
        "id": station.pk,
        "code": station.code,
        "name": station.name,
        "name_vi": station.name_vi,
        "name_en": station.name_en,
        "river": station.river,
        "commune": station.commune,
        "latitude": as_float(station.latitude),
        "longitude": as_float(station.longitude),
        "km_from_mouth": as_float(station.km_from_mouth),
        "salinity": _metric_status(salinity, Metric.SALINITY) if salinity else None,
        "water_level": _metric_status(water_level, Metric.WATER_LEVEL) if water_level else None,
    }


@router.get(
    "/",
    response=StationList,
    summary="Monitoring stations with their latest readings",
    description=(
        "Each station with its thresholds, freshness limits and, per metric it measures, the "
        "newest reading, the day's maximum (Asia/Ho_Chi_Minh calendar day) and its change "
        "versus the previous day's maximum. Stale data is flagged, never shown as current."
    ),
)
def list_stations(request, filters: Query[StationFilters]):
    stations = Station.objects.all()
    codes = [code.strip() for code in (filters.code or "").split(",") if code.strip()]
    if codes:
        match = Q()
        for code in codes:
            match |= Q(code__iexact=code)
        stations = stations.filter(match)
    if filters.metric:
        flag = f"measures_{filters.metric}"
        stations = stations.filter(**{flag: True})
    with localized(filters.locale) as language:
        page = list(stations[filters.offset : filters.offset + filters.limit])
        salinity = _summaries(page, Metric.SALINITY, "measures_salinity")
        water_level = _summaries(page, Metric.WATER_LEVEL, "measures_water_level")
        items = [station_data(s, salinity.get(s.pk), water_level.get(s.pk)) for s in page]
    return {"locale": language, "count": stations.count(), "items": items}
