"""What the salinity and water-level blocks show, computed in a constant number of queries.

For each station: its newest reading (the "as of" time), the maximum of the calendar day of
that reading (Asia/Ho_Chi_Minh), the change versus the previous calendar day's maximum, the
threshold state of the day's maximum, the daily maxima of the last seven days, and whether
the newest reading is older than the station's freshness limit ("stale").

Two queries whatever the number of stations and readings: the stations annotated with their
newest reading (correlated subqueries on the (station, metric, observed_at) index), and the
daily maxima of each station's last eight days, grouped in the database."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DateTimeField, ExpressionWrapper, Max, OuterRef, Subquery, Value
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import UNITS, Metric, Reading, Station

HISTORY_DAYS = 7


@dataclass
class State:
    """A threshold state, always carried by text (and an icon), never by colour alone."""

    code: str  # "normal", "harmful", "alarm_1".."alarm_3", "below_alarm", "unknown"
    label: str
    level: int = 0  # 0 = nothing to report; higher = more serious


@dataclass
class DayMaximum:
    day: datetime.date
    value: Decimal | None


@dataclass
class StationSummary:
    station: Station
    metric: str
    latest_value: Decimal | None = None
    latest_at: datetime.datetime | None = None
    day_max: Decimal | None = None
    previous_day_max: Decimal | None = None
    stale: bool = False
    state: State | None = None
    history: list[DayMaximum] = field(default_factory=list)

    @property
    def unit(self):
        return UNITS[self.metric]

    @property
    def has_data(self):
        return self.latest_at is not None

    @property
    def change(self):
        if self.day_max is None or self.previous_day_max is None:
            return None
        return self.day_max - self.previous_day_max


def salinity_state(station, value):
    if value is None:
        return State("unknown", _("No data"))
    if value >= station.salinity_threshold:
        return State("harmful", _("Harmful to rice"), 2)
    return State("normal", _("Below the harmful level"))


def water_level_state(station, value):
    if value is None:
        return State("unknown", _("No data"))
    levels = station.alarm_levels()
    if not levels:
        return State("unknown", _("No alarm levels set"))
    for number, threshold in levels:
        if value >= threshold:
            label = {1: _("Alarm level I"), 2: _("Alarm level II"), 3: _("Alarm level III")}
            return State(f"alarm_{number}", label[number], number)
    return State("below_alarm", _("Below alarm level I"))


STATE_FUNCTIONS = {Metric.SALINITY: salinity_state, Metric.WATER_LEVEL: water_level_state}


def stations_for(metric, station_ids=None):
    stations = Station.objects.all()
    if station_ids:
        return stations.filter(pk__in=station_ids)
    flag = "measures_salinity" if metric == Metric.SALINITY else "measures_water_level"
    return stations.filter(**{flag: True})


def station_summaries(metric, station_ids=None, now=None, as_of=None):
    """Summaries for ``station_ids`` (in that order) or every station measuring ``metric``.

    ``as_of`` limits the data to readings observed at or before that moment; ``now`` is the
    clock used for staleness (default: the current time)."""
    now = now or timezone.now()
    zone = timezone.get_current_timezone()
    readings = Reading.objects.filter(metric=metric)
    if as_of is not None:
        readings = readings.filter(observed_at__lte=as_of)
    newest = readings.filter(station=OuterRef("pk")).order_by("-observed_at")
    stations = list(
        stations_for(metric, station_ids).annotate(
            latest_at=Subquery(newest.values("observed_at")[:1]),
            latest_value=Subquery(newest.values("value")[:1]),
        )
    )
    if station_ids:
        position = {pk: index for index, pk in enumerate(station_ids)}
        stations.sort(key=lambda s: position.get(s.pk, len(position)))

    maxima = {}
    with_data = [s.pk for s in stations if s.latest_at is not None]
    if with_data:
        station_newest = Reading.objects.filter(
            metric=metric, station=OuterRef("station"), **_limit(as_of)
        ).order_by("-observed_at")
        window_start = ExpressionWrapper(
            Subquery(station_newest.values("observed_at")[:1])
            - Value(datetime.timedelta(days=HISTORY_DAYS + 1)),
            output_field=DateTimeField(),
        )
        daily = (
            readings.filter(station_id__in=with_data, observed_at__gte=window_start)
            .annotate(day=TruncDate("observed_at", tzinfo=zone))
            .values("station_id", "day")
            .annotate(maximum=Max("value"))
            .order_by()
        )
        for row in daily:
            maxima[row["station_id"], row["day"]] = row["maximum"]

    return [_summarise(station, metric, maxima, now, zone) for station in stations]


def _limit(as_of):
    return {} if as_of is None else {"observed_at__lte": as_of}


def _summarise(station, metric, maxima, now, zone):
    summary = StationSummary(station=station, metric=metric)
    state_of = STATE_FUNCTIONS[metric]
    if station.latest_at is None:
        summary.stale = True
        summary.state = state_of(station, None)
        return summary
    summary.latest_at = station.latest_at
    summary.latest_value = Decimal(station.latest_value)
    day = timezone.localtime(station.latest_at, zone).date()
    summary.day_max = maxima.get((station.pk, day))
    summary.previous_day_max = maxima.get((station.pk, day - datetime.timedelta(days=1)))
    summary.history = [
        DayMaximum(d, maxima.get((station.pk, d)))
        for d in (day - datetime.timedelta(days=n) for n in range(HISTORY_DAYS - 1, -1, -1))
    ]
    summary.stale = now - station.latest_at > station.freshness(metric)
    summary.state = state_of(station, summary.day_max)
    return summary


def newest_time(summaries):
    """The "as of" time of a whole block: its newest reading."""
    times = [s.latest_at for s in summaries if s.latest_at is not None]
    return max(times) if times else None


def reference_threshold(summary):
    """The level a station's chart marks: the harmful salinity, or the highest alarm level."""
    station = summary.station
    if summary.metric == Metric.SALINITY:
        return station.salinity_threshold
    levels = station.alarm_levels()
    return levels[-1][1] if levels else None
