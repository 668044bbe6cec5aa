"""Budget disclosures under Circular 343/2016/TT-BTC: /api/v3/budget/documents/."""

import datetime
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema
from wagtail.models import CollectionViewRestriction

from ..budget.deadlines import Period, Status, deadline, status
from ..budget.models import BudgetDocument
from .common import LocaleParam, localized

router = Router(tags=["budget"])

PeriodCode = Literal[tuple(Period.values)]  # type: ignore[valid-type]
StatusCode = Literal[tuple(Status.values)]  # type: ignore[valid-type]


class PeriodOut(Schema):
    code: PeriodCode
    label: str


class StatusOut(Schema):
    code: StatusCode
    label: str


class FileOut(Schema):
    url: str
    file_type: str = Field(description="PDF, XLSX, …")
    file_size: int | None = Field(description="bytes")


class BudgetDocumentOut(Schema):
    id: int
    fiscal_year: int
    period: PeriodOut
    form_code: str = Field(description="the Circular 343 form, e.g. 45/CK-NSNN")
    title: str
    published_on: datetime.date
    decided_on: datetime.date | None = Field(description="the decision the deadline counts from")
    deadline: datetime.date = Field(description="the legal deadline of its disclosure")
    status: StatusOut = Field(description="published on time or late")
    file: FileOut | None


class BudgetDocumentList(Schema):
    locale: str
    count: int
    items: list[BudgetDocumentOut]


class BudgetFilters(Schema):
    locale: LocaleParam
    year: Annotated[int | None, Field(None, ge=2000, le=2100, description="fiscal year")]
    period: PeriodCode | None = None
    kind: Annotated[
        str | None,
        Field(None, max_length=32, description="the form code (kind of report), e.g. 45/CK-NSNN"),
    ]
    limit: Annotated[int, Field(20, ge=1, le=100)]
    offset: Annotated[int, Field(0, ge=0, le=100_000)]


def _restricted_paths():
    """Collections with a view restriction (their descendants are restricted too)."""
    return tuple(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True).distinct()
    )


def _file(document, restricted):
    if document is None or document.collection.path.startswith(restricted or ("\0",)):
        return None
    return {
        "url": document.url,
        "file_type": document.file_extension.upper(),
        "file_size": document.file_size,
    }


def document_data(doc, restricted, today):
    limit = deadline(doc.fiscal_year, doc.period, doc.decided_on)
    state = Status(status(limit, doc.published_on, today))
    return {
        "id": doc.pk,
        "fiscal_year": doc.fiscal_year,
        "period": {"code": doc.period, "label": str(Period(doc.period).label)},
        "form_code": doc.form_code,
        "title": doc.title,
        "published_on": doc.published_on,
        "decided_on": doc.decided_on,
        "deadline": limit.due_on,
        "status": {"code": state.value, "label": str(state.label)},
        "file": _file(doc.document, restricted),
    }


@router.get(
    "/documents/",
    response=BudgetDocumentList,
    summary="Budget disclosure documents, newest first",
    description=(
        "Filtered by fiscal year, period and form code; each with its legal deadline and "
        "whether it was published on time. Files in private collections are not linked."
    ),
)
def budget_documents(request, filters: Query[BudgetFilters]):
    documents = BudgetDocument.objects.all()
    if filters.year:
        documents = documents.filter(fiscal_year=filters.year)
    if filters.period:
        documents = documents.filter(period=filters.period)
    if filters.kind:
        documents = documents.filter(form_code__iexact=filters.kind.strip())
    page = documents.select_related("document__collection")[
        filters.offset : filters.offset + filters.limit
    ]
    restricted = _restricted_paths()
    today = timezone.localdate()
    with localized(filters.locale) as language:
        items = [document_data(doc, restricted, today) for doc in page]
    return {"locale": language, "count": documents.count(), "items": items}
