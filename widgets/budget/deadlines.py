"""Legal deadlines for budget disclosure under Circular 343/2016/TT-BTC ("công khai ngân sách").

The Circular ties each disclosure to an event; where the event's date is not recorded, the
dates the Law on the State Budget (83/2015/QH13) sets for it are assumed:

* Estimate submitted to the People's Council: within 5 working days of the People's
  Committee sending it to the Council's delegates. The Council decides the next year's
  estimate before 10 December, so without a recorded date the deadline is 10 December of
  the year before. Working days skip weekends only (public holidays are not known here).
* Approved estimate: within 30 days of the Council's decision; assumed decision date
  10 December of the year before, so 9 January of the fiscal year.
* Execution reports for Q1, 6 months and 9 months: within 15 days after the period ends
  (15 April, 15 July, 15 October).
* Year execution: disclosed with the next year's estimate when it goes to the Council, so
  10 December of the fiscal year.
* Final accounts: within 30 days of the Council's approval; the approval is assumed by
  31 December of the following year, so 30 January two years on.

A document's ``decided_on`` (the date of the submission or decision it follows) replaces the
assumed event date. A disclosure is "due" once its period has ended (or its event is
expected) and until its deadline; after the deadline without a document it is "missing".
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Period(models.TextChoices):
    ESTIMATE_SUBMITTED = "estimate_submitted", _("Estimate submitted to the People's Council")
    ESTIMATE_APPROVED = "estimate_approved", _("Approved estimate")
    Q1 = "q1", _("Execution in the first quarter")
    SIX_MONTHS = "six_months", _("Execution in six months")
    NINE_MONTHS = "nine_months", _("Execution in nine months")
    YEAR = "year", _("Execution in the year")
    FINAL_ACCOUNTS = "final_accounts", _("Final accounts")


class Status(models.TextChoices):
    ON_TIME = "on_time", _("Published on time")
    LATE = "late", _("Published late")
    DUE = "due", _("Due")
    MISSING = "missing", _("Missing (deadline passed)")
    NOT_YET_DUE = "not_yet_due", _("Not yet due")


PERIOD_ORDER = list(Period)


@dataclass(frozen=True)
class Deadline:
    period: str
    opens_on: datetime.date  # from this day the disclosure is expected
    due_on: datetime.date


def add_working_days(day, count):
    while count:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def deadline(fiscal_year, period, decided_on=None):
    d = datetime.date
    year = fiscal_year
    days = datetime.timedelta
    if period == Period.ESTIMATE_SUBMITTED:
        if decided_on:
            return Deadline(period, decided_on, add_working_days(decided_on, 5))
        return Deadline(period, d(year - 1, 11, 1), d(year - 1, 12, 10))
    if period == Period.ESTIMATE_APPROVED:
        event = decided_on or d(year - 1, 12, 10)
        return Deadline(period, event, event + days(days=30))
    if period in (Period.Q1, Period.SIX_MONTHS, Period.NINE_MONTHS):
        month = {Period.Q1: 4, Period.SIX_MONTHS: 7, Period.NINE_MONTHS: 10}[period]
        return Deadline(period, d(year, month, 1), d(year, month, 15))
    if period == Period.YEAR:
        if decided_on:
            return Deadline(period, decided_on, add_working_days(decided_on, 5))
        return Deadline(period, d(year, 11, 1), d(year, 12, 10))
    if period == Period.FINAL_ACCOUNTS:
        event = decided_on or d(year + 1, 12, 31)
        return Deadline(period, min(event, d(year + 1, 7, 1)), event + days(days=30))
    raise ValueError(period)


def status(deadline_, published_on, today):
    """The status of one period: from its first publication date, or from today if none."""
    if published_on is not None:
        return Status.ON_TIME if published_on <= deadline_.due_on else Status.LATE
    if today > deadline_.due_on:
        return Status.MISSING
    if today >= deadline_.opens_on:
        return Status.DUE
    return Status.NOT_YET_DUE
