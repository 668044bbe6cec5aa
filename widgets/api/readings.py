"""A station's readings: /api/v3/stations/{id}/readings/ (filtered, paged) and
/api/v3/stations/{id}/readings.csv (the same readings as a spreadsheet)."""

import csv
import datetime
import re
from typing import Annotated

from django.http import Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from pydantic import field_validator, model_validator

from ..monitoring.models import UNITS, Reading, Station
from .common import LocaleParam, localized
from .stations import MetricName

router = Router(tags=["monitoring"])

CSV_COLUMNS = ("station_code", "metric", "observed_at", "value")
EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)
YEAR_PATTERN = r"^(19[0-9][0-9]|20[0-9][0-9]|2100)-"  # the years EARLIEST to LATEST
StationId = Annotated[int, Path(ge=1, le=2**31 - 1, description="the station's id")]


def _parse_moment(text):
    """A date (a whole local day) or a date and time (local unless it names an offset)."""
    if isinstance(text, datetime.date):
        return text
    text = str(text).strip()
    try:
        if len(text) == 10:
            return datetime.date.fromisoformat(text)
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(_("Use an ISO 8601 date (2021-10-18) or date and time.")) from None


class ReadingFilters(Schema):
    metric: MetricName | None = None
    from_: Annotated[
        datetime.date | datetime.datetime | None,
        Field(
            None,
            alias="from",
            description="from this date (its whole day) or date and time, inclusive; local "
            "time (Asia/Ho_Chi_Minh) unless an offset is given; years 1900–2100; not after `to`",
            json_schema_extra={"pattern": YEAR_PATTERN},
        ),
    ]
    to: Annotated[
        datetime.date | datetime.datetime | None,
        Field(
            None,
            description="up to this date (its whole day) or date and time, inclusive; years "
            "1900–2100; not before `from`",
            json_schema_extra={"pattern": YEAR_PATTERN},
        ),
    ]

    @field_validator("from_", "to", mode="before")
    @classmethod
    def moment(cls, value):
        if value is None:
            return None
        moment = _parse_moment(value)
        day = moment.date() if isinstance(moment, datetime.datetime) else moment
        if not EARLIEST <= day <= LATEST:
            raise ValueError(_("The date must be between 1900 and 2100."))
        return moment

    def bounds(self):
        """(start, end): aware datetimes, start inclusive, end exclusive; None when open."""
        zone = timezone.get_default_timezone()
        start = end = None
        if isinstance(self.from_, datetime.datetime):
            start = self.from_ if self.from_.tzinfo else self.from_.replace(tzinfo=zone)
        elif self.from_ is not None:
            start = datetime.datetime.combine(self.from_, datetime.time(), zone)
        if isinstance(self.to, datetime.datetime):
            moment = self.to if self.to.tzinfo else self.to.replace(tzinfo=zone)
            end = moment + datetime.timedelta(microseconds=1)
        elif self.to is not None:
            end = datetime.datetime.combine(
                self.to + datetime.timedelta(days=1), datetime.time(), zone
            )
        return start, end

    @model_validator(mode="after")
    def in_order(self):
        start, end = self.bounds()
        if start is not None and end is not None and start >= end:
            raise ValueError(_("“from” must not be after “to”."))
        return self


class ReadingPage(ReadingFilters):
    locale: LocaleParam
    limit: Annotated[int, Field(100, ge=1, le=1000)]
    offset: Annotated[int, Field(0, ge=0, le=10_000_000)]


class StationRef(Schema):
    id: int
    code: str
    name: str


class ReadingOut(Schema):
    metric: MetricName
    observed_at: datetime.datetime
    value: float
    unit: str


class ReadingList(Schema):
    station: StationRef
    count: int
    items: list[ReadingOut]


def _station(station_id):
    station = Station.objects.filter(pk=station_id).first()
    if station is None:
        raise Http404(_("No monitoring station has this id."))
    return station


def filtered_readings(station, filters):
    readings = Reading.objects.filter(station=station)
    if filters.metric:
        readings = readings.filter(metric=filters.metric)
    start, end = filters.bounds()
    if start is not None:
        readings = readings.filter(observed_at__gte=start)
    if end is not None:
        readings = readings.filter(observed_at__lt=end)
    return readings.order_by("-observed_at", "metric")


@router.get(
    "/{int:id}/readings/",
    response=ReadingList,
    summary="A station's readings, newest first",
    description=(
        "Filtered by metric and time. The same readings as a CSV file: "
        "`/api/v3/stations/{id}/readings.csv` with the same filters."
    ),
)
def station_readings(request, id: StationId, filters: Query[ReadingPage]):  # noqa: A002
    station = _station(id)
    readings = filtered_readings(station, filters)
    page = readings.values_list("metric", "observed_at", "value")[
        filters.offset : filters.offset + filters.limit
    ]
    with localized(filters.locale):
        name = station.name
    return {
        "station": {"id": station.pk, "code": station.code, "name": name},
        "count": readings.count(),
        "items": [
            {
                "metric": metric,
                "observed_at": timezone.localtime(observed_at),
                "value": float(value),
                "unit": UNITS[metric],
            }
            for metric, observed_at, value in page
        ],
    }


class _Echo:
    def write(self, value):
        return value


def _csv_rows(station, readings):
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    yield writer.writerow(CSV_COLUMNS)
    for metric, observed_at, value in readings.values_list(
        "metric", "observed_at", "value"
    ).iterator(chunk_size=2000):
        yield writer.writerow(
            [
                station.code,
                metric,
                timezone.localtime(observed_at).isoformat(),
                f"{value.normalize():f}",
            ]
        )


@router.get(
    "/{int:id}/readings.csv",
    summary="A station's readings as CSV",
    description=(
        "The readings of `/api/v3/stations/{id}/readings/` (same filters, no paging) as a "
        "UTF-8 CSV file with `;` as delimiter and the columns "
        "station_code;metric;observed_at;value, which the readings import accepts back."
    ),
    openapi_extra={
        "responses": {
            200: {
                "description": "CSV file",
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        }
    },
)
def station_readings_csv(request, id: StationId, filters: Query[ReadingFilters]):  # noqa: A002
    station = _station(id)
    readings = filtered_readings(station, filters)
    response = StreamingHttpResponse(
        _csv_rows(station, readings), content_type="text/csv; charset=utf-8"
    )
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", station.code)
    response["Content-Disposition"] = f'attachment; filename="readings-{name}.csv"'
    return response
