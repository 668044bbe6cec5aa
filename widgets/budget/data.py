"""Budget documents grouped for display, and the per-year deadline report for the admin."""

from dataclasses import dataclass, field

from django.utils import timezone

from .deadlines import PERIOD_ORDER, Period, Status, deadline, status
from .models import BudgetDocument


@dataclass
class PeriodGroup:
    period: str
    documents: list = field(default_factory=list)

    @property
    def label(self):
        return Period(self.period).label


@dataclass
class YearDocuments:
    fiscal_year: int
    periods: list[PeriodGroup]


def _documents():
    return BudgetDocument.objects.select_related("document").order_by("-published_on", "-pk")


def _group(documents):
    """Periods newest first (final accounts … estimate), documents newest first."""
    groups = {}
    for doc in documents:
        groups.setdefault(doc.period, PeriodGroup(doc.period)).documents.append(doc)
    return [groups[p] for p in reversed(PERIOD_ORDER) if p in groups]


def year_documents(fiscal_year=None):
    """A year's documents grouped by period (the newest year with documents by default)."""
    documents = _documents()
    if fiscal_year is None:
        documents = documents.filter(
            fiscal_year=BudgetDocument.objects.order_by("-fiscal_year").values("fiscal_year")[:1]
        )
    else:
        documents = documents.filter(fiscal_year=fiscal_year)
    documents = list(documents)
    year = fiscal_year or (documents[0].fiscal_year if documents else None)
    return YearDocuments(year, _group(documents))


def documents_by_year():
    by_year = {}
    for doc in _documents():
        by_year.setdefault(doc.fiscal_year, []).append(doc)
    return [YearDocuments(year, _group(by_year[year])) for year in sorted(by_year, reverse=True)]


@dataclass
class ReportRow:
    period: str
    deadline: object
    documents: list
    status: str

    @property
    def label(self):
        return Period(self.period).label

    @property
    def status_label(self):
        return Status(self.status).label


def year_report(fiscal_year, today=None):
    """Per period of ``fiscal_year``: its deadline, its documents and its status."""
    today = today or timezone.localdate()
    documents = {}
    for doc in _documents().filter(fiscal_year=fiscal_year).order_by("published_on", "pk"):
        documents.setdefault(doc.period, []).append(doc)
    rows = []
    for period in PERIOD_ORDER:
        docs = documents.get(period, [])
        decided_on = next((d.decided_on for d in docs if d.decided_on), None)
        limit = deadline(fiscal_year, period, decided_on)
        first = docs[0].published_on if docs else None
        rows.append(ReportRow(period, limit, docs, status(limit, first, today)))
    return rows
