"""The budget disclosure block ("Công khai ngân sách"): one year's documents by period.

Data: :meth:`BudgetBlock.build` (from ``data.year_documents``). Schema: :class:`BudgetBlockData`.
Template: ``widgets/blocks/budget.html``. Cache: ``cache_topics`` (a document saved bumps
"budget", a published page "pages")."""

import datetime

from django.utils.translation import gettext_lazy
from ninja import Schema
from wagtail import blocks

from ..base import WidgetBlock
from .data import YearDocuments, documents_by_year, year_documents


class BudgetDocumentData(Schema):
    title: str
    form_code: str
    url: str | None
    file_type: str  # "PDF", "XLSX", …
    file_size: int | None  # bytes
    published_on: datetime.date


class BudgetPeriodData(Schema):
    # estimate_submitted | estimate_approved | q1 | six_months | nine_months | year |
    # final_accounts
    period: str
    label: str
    documents: list[BudgetDocumentData]


class BudgetBlockData(Schema):
    heading: str
    fiscal_year: int | None
    periods: list[BudgetPeriodData]
    index_url: str | None


def period_data(group):
    """A :class:`BudgetPeriodData` of a ``data.PeriodGroup``."""
    return BudgetPeriodData(
        period=group.period,
        label=str(group.label),
        documents=[
            BudgetDocumentData(
                title=doc.title,
                form_code=doc.form_code,
                url=doc.document.url if doc.document else None,
                file_type=doc.file_type,
                file_size=doc.file_size,
                published_on=doc.published_on,
            )
            for doc in group.documents
        ],
    )


def years_data():
    """Every year's documents as the block shows one year's, newest year first (for the
    budget index page and ``widgets/blocks/budget_periods.html``)."""
    return [
        YearDocuments(year.fiscal_year, [period_data(group) for group in year.periods])
        for year in documents_by_year()
    ]


class BudgetBlock(WidgetBlock):
    api_schema = BudgetBlockData
    cache_topics = ("budget", "pages")
    default_heading = gettext_lazy("Budget disclosure")

    fiscal_year = blocks.IntegerBlock(
        label=gettext_lazy("Fiscal year"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=gettext_lazy("Leave blank for the newest year with documents."),
    )
    index_page = blocks.PageChooserBlock(
        label=gettext_lazy("Page listing every year"),
        page_type="widgets.BudgetIndexPage",
        required=False,
    )

    class Meta:
        icon = "doc-full"
        label = gettext_lazy("Budget disclosure")
        description = gettext_lazy("A fiscal year's budget documents, grouped by period.")

    def build(self, value, context=None):
        year = year_documents(value.get("fiscal_year") or None)
        index = value.get("index_page")
        return BudgetBlockData(
            heading=self.heading_text(value),
            fiscal_year=year.fiscal_year,
            periods=[period_data(group) for group in year.periods],
            index_url=index.url if index and index.live else None,
        )
