"""Query parameter types every API router may share."""

import datetime
import re
from typing import Annotated

from pydantic import BeforeValidator

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value):
    # Pydantic alone would read "0" as 1970-01-01 (a Unix time): the schema says a date.
    if isinstance(value, datetime.date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("Use an ISO 8601 date: 2021-10-12.")


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]

__all__ = ["IsoDate"]
