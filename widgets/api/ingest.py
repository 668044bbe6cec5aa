"""Automated gauges send readings: POST /api/v3/stations/readings/ with a Wagtail API token
(``Authorization: Bearer wagtail_…``) of a user allowed to add readings.

A batch is validated exactly like an imported file (``widgets.monitoring.importer``) and is
all-or-nothing; readings already stored are skipped, so a gauge may resend a batch safely."""

from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Body, Field, Router, Schema
from pydantic import ConfigDict, StrictFloat, StrictInt, StrictStr
from wagtail.api.v3.auth import BearerTokenAuth

from headless.problems import problem

from ..monitoring.importer import import_rows
from .common import json_body_only

router = Router(tags=["monitoring"])
MAX_BATCH = 5000
PERMISSION = "widgets.add_reading"


class ReadingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    station_code: Annotated[str, Field(min_length=1, max_length=32)]
    metric: Annotated[str, Field(max_length=32, description="salinity or water_level")]
    observed_at: Annotated[
        str,
        Field(
            max_length=40,
            description="ISO 8601 (local time unless it has an offset) or dd/mm/yyyy HH:MM",
        ),
    ]
    value: StrictFloat | StrictInt | StrictStr | None = Field(
        ...,
        description='g/l or metres; a string may use a decimal comma ("0,7"); null, "" or '
        '"-" is "no reading" and is skipped',
    )


class IngestResult(Schema):
    received: int = Field(description="rows in the batch")
    created: int = Field(description="new readings stored")
    skipped: int = Field(description="readings already stored, left as they were")
    blanks: int = Field(description='rows with no reading (null, "" or "-")')


def _row(reading):
    value = reading.value
    if isinstance(value, float):
        value = repr(value)
    return {
        "station_code": reading.station_code,
        "metric": reading.metric,
        "observed_at": reading.observed_at,
        "value": value,
    }


@router.post(
    "/",
    response=IngestResult,
    auth=BearerTokenAuth(),
    summary="Add a batch of readings (automated gauges)",
    description=(
        f"A JSON list of at most {MAX_BATCH} readings, validated like an imported file: "
        "all-or-nothing, and a 422 lists every bad row's index and field. Needs a bearer "
        "API token of a user with the permission to add readings."
    ),
)
@json_body_only
def ingest_readings(
    request,
    readings: Body[Annotated[list[ReadingIn], Field(min_length=1, max_length=MAX_BATCH)]],
):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied(_("This token's user may not add readings."))
    result = import_rows(enumerate(_row(reading) for reading in readings))
    if not result.committed:
        errors = [
            {
                "index": error.line,
                "field": error.field,
                "msg": error.message,
                "loc": ["body", "readings", error.line, error.field],
            }
            for error in result.errors
        ]
        return problem(
            422,
            _("The batch was not stored: correct the rows listed and send it again."),
            errors=errors,
            error_count=result.error_count,
        )
    return {
        "received": result.rows,
        "created": result.created,
        "skipped": result.already_present,
        "blanks": result.blanks,
    }
