"""Importing readings: one module for the ``import_readings`` command, the admin upload and
the API's ingestion.

An import is all-or-nothing: every row is validated, every error is collected with its line
and field, and nothing is written unless the whole file is valid. Rows are inserted in
batches inside one transaction while the file streams past; the transaction is rolled back
if any row turns out to be bad (or for a preview). A blank or "-" value is "no reading"
and is skipped, never stored as 0. Readings already stored are left as they are, so
importing the same file again adds nothing."""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from headless.signals import data_changed

from .models import Metric, Reading, Station
from .readers import FileFormatError, read_rows
from .writers import writer_for_connection

NUMBER = re.compile(r"^[+-]?(\d+)(?:[.,](\d+))?$")
# 1.234,5 / 1,234.5 / 1.234.567 / 1 234,5: digits grouped by a thousands separator.
THOUSANDS = re.compile(r"^[+-]?\d{1,3}([., \u00a0])\d{3}(?:\1\d{3})*(?:(?!\1)[.,]\d+)?$")
DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
BLANKS = {"", "-"}
MAX_ERRORS_LISTED = 200
BATCH_SIZE = 5000
PROGRESS_EVERY = 50_000
# A clock a little off on the logger's side is no reason to refuse its newest reading.
FUTURE_TOLERANCE = datetime.timedelta(hours=1)
INTEGER_DIGITS = Reading._meta.get_field("value").max_digits - 3


@dataclass
class RowError:
    line: int
    field: str
    message: str


@dataclass
class ImportResult:
    rows: int = 0
    readings: int = 0
    blanks: int = 0
    created: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    committed: bool = False

    @property
    def ok(self):
        return self.error_count == 0

    @property
    def already_present(self):
        return self.readings - self.created

    def add_error(self, line, field_name, message):
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_LISTED:
            self.errors.append(RowError(line, field_name, str(message)))


class _Rollback(Exception):
    pass


def parse_time(text, zone):
    text = text.strip() if type(text) is str else str(text).strip()
    match = DAY_FIRST.match(text) if "/" in text else None
    if match:
        day, month, year, hour, minute, second = (int(part or 0) for part in match.groups())
        moment = datetime.datetime(year, month, day, hour, minute, second)
    else:
        if "T" not in text and " " not in text:
            raise ValueError(text)
        moment = datetime.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    # Loggers report to the minute; sub-second parts would only make near-duplicates.
    return moment.replace(microsecond=0) if moment.microsecond else moment


def parse_value(raw):
    """A Decimal, or None for "no reading". Raises ValueError with a message otherwise."""
    if raw is None:
        return None
    if type(raw) is str:
        text = raw.strip()
        if text in BLANKS:
            return None
    elif isinstance(raw, int | Decimal) and not isinstance(raw, bool):
        text = str(raw)
    else:
        raise ValueError(_("not a number"))
    match = NUMBER.match(text)
    if match is None:
        grouped = THOUSANDS.match(text)
        if grouped:
            raise ValueError(
                _(
                    '"%(value)s" is not a number: write it without the thousands separator '
                    '"%(separator)s", e.g. %(example)s.'
                )
                % {
                    "value": text,
                    "separator": grouped.group(1),
                    "example": text.replace(grouped.group(1), ""),
                }
            )
        raise ValueError(_('"%(value)s" is not a number') % {"value": text})
    integer, fraction = match.groups()
    if fraction and len(fraction) > 3:
        raise ValueError(_("at most 3 decimal places"))
    if len(integer.lstrip("0")) > INTEGER_DIGITS:
        raise ValueError(_("the number is too large"))
    return Decimal(text.replace(",", ".") if fraction else text)


class RowValidator:
    """Validates rows one by one; remembers the keys it has seen to find duplicates."""

    def __init__(self, stations=None, now=None):
        stations = Station.objects.all() if stations is None else stations
        self.stations = {s.code: (index, s.pk) for index, s in enumerate(stations)}
        self.station_count = max(len(self.stations), 1)
        self.zone = timezone.get_default_timezone()
        self.latest_allowed = (now or timezone.now()) + FUTURE_TOLERANCE
        self.seen = {}
        self.metrics = [choice.value for choice in Metric]

    def validate(self, line, row, result):
        """Return ``(station_id, metric, observed_at, value, epoch seconds)``, or None (blank
        or invalid)."""
        if "__error__" in row:
            result.add_error(line, "row", _("The row does not have exactly 4 columns."))
            return None
        errors_before = result.error_count
        code = str(row.get("station_code") or "").strip()
        station = self.stations.get(code)
        if station is None:
            message = _('Unknown station code "%(code)s".') % {"code": code} if code else None
            result.add_error(line, "station_code", message or _("The station code is missing."))
        metric = str(row.get("metric") or "").strip().lower()
        if metric not in self.metrics:
            result.add_error(
                line,
                "metric",
                _('Unknown metric "%(metric)s": use salinity or water_level.') % {"metric": metric},
            )
        observed_at = None
        try:
            observed_at = parse_time(row.get("observed_at") or "", self.zone)
        except (ValueError, TypeError):
            result.add_error(
                line,
                "observed_at",
                _('"%(value)s" is not a date and time (dd/mm/yyyy HH:MM or ISO 8601).')
                % {"value": row.get("observed_at") or ""},
            )
        if observed_at is not None and observed_at > self.latest_allowed:
            result.add_error(line, "observed_at", _("The time is in the future."))
        value = None
        try:
            value = parse_value(row.get("value"))
        except ValueError as exc:
            result.add_error(line, "value", exc)
        if value is not None and value < 0 and metric == Metric.SALINITY:
            result.add_error(line, "value", _("Salinity cannot be negative."))
        if result.error_count > errors_before:
            return None
        if value is None:
            result.blanks += 1
            return None
        epoch = int(observed_at.timestamp())
        key = (epoch * self.station_count + station[0]) * 2 + self.metrics.index(metric)
        first_line = self.seen.setdefault(key, line)
        if first_line != line:
            result.add_error(
                line,
                "observed_at",
                _("Duplicate of line %(line)s (same station, metric and time).")
                % {"line": first_line},
            )
            return None
        return station[1], metric, observed_at, value, epoch


def _numbered(rows):
    for position, row in enumerate(rows, start=1):
        yield row if isinstance(row, tuple) else (position, row)


def import_rows(rows, *, dry_run=False, progress=None, batch_size=BATCH_SIZE, now=None):
    """Validate and store ``rows``: an iterable of dicts (numbered from 1) or of
    ``(line, dict)`` pairs. Returns an :class:`ImportResult`; nothing is written unless
    ``result.committed``."""
    result = ImportResult()
    validator = RowValidator(now=now)
    try:
        with transaction.atomic():
            writer = writer_for_connection(batch_size)
            for line, row in _numbered(rows):
                result.rows += 1
                if progress and result.rows % PROGRESS_EVERY == 0:
                    progress(result.rows)
                reading = validator.validate(line, row, result)
                if reading is None:
                    continue
                result.readings += 1
                if result.ok:
                    writer.add(reading)
            if result.rows == 0 and result.ok:
                result.add_error(1, "file", _("The file contains no readings."))
            if result.ok:
                result.created = writer.finish()
            if dry_run or not result.ok:
                raise _Rollback
            result.committed = True
    except FileFormatError as exc:
        result.add_error(exc.line, "file", exc.message)
    except _Rollback:
        pass
    if result.committed and result.created:
        data_changed.send(sender=Reading, topic="readings")
    return result


def import_file(file, name="", **options):
    """Import a CSV or JSON file (a path or a file object); see :func:`import_rows`."""
    try:
        rows = read_rows(file, name or str(getattr(file, "name", file)))
    except FileFormatError as exc:
        result = ImportResult()
        result.add_error(exc.line, "file", exc.message)
        return result
    return import_rows(rows, **options)
