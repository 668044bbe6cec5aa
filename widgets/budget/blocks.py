"""The budget disclosure block ("Công khai ngân sách"): one year's documents by period."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from wagtail import blocks

from .data import year_documents


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


class BudgetBlock(blocks.StructBlock):
    api_schema = BudgetBlockData
    cache_topics = ("budget", "pages")  # see widgets.fragments
    heading = blocks.CharBlock(
        label=gettext_lazy("Heading"),
        required=False,
        help_text=gettext_lazy("Leave blank for the standard heading."),
    )
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
        template = "widgets/blocks/budget.html"
        label = gettext_lazy("Budget disclosure")
        description = gettext_lazy("A fiscal year's budget documents, grouped by period.")
        preview_value = {}

    def heading_text(self, value):
        return value.get("heading") or _("Budget disclosure")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(
            heading=self.heading_text(value), year=year_documents(value.get("fiscal_year") or None)
        )
        return context

    def get_api_representation(self, value, context=None):
        year = year_documents(value.get("fiscal_year") or None)
        index = value.get("index_page")
        return {
            "heading": self.heading_text(value),
            "fiscal_year": year.fiscal_year,
            "periods": [
                {
                    "period": group.period,
                    "label": str(group.label),
                    "documents": [
                        {
                            "title": doc.title,
                            "form_code": doc.form_code,
                            "url": doc.document.url if doc.document else None,
                            "file_type": doc.file_type,
                            "file_size": doc.file_size,
                            "published_on": doc.published_on.isoformat(),
                        }
                        for doc in group.documents
                    ],
                }
                for group in year.periods
            ],
            "index_url": index.url if index and index.live else None,
        }
