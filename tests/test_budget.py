"""Budget disclosure under Circular 343/2016/TT-BTC: deadlines and their states, the block
and the page listing every year."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from widgets.budget.blocks import BudgetBlock
from widgets.budget.data import year_report
from widgets.budget.deadlines import Period, Status, add_working_days, deadline, status
from widgets.budget.models import BudgetDocument, BudgetIndexPage

D = datetime.date


@pytest.mark.parametrize(
    ("period", "due"),
    [
        (Period.ESTIMATE_SUBMITTED, D(2020, 12, 10)),
        (Period.ESTIMATE_APPROVED, D(2021, 1, 9)),
        (Period.Q1, D(2021, 4, 15)),
        (Period.SIX_MONTHS, D(2021, 7, 15)),
        (Period.NINE_MONTHS, D(2021, 10, 15)),
        (Period.YEAR, D(2021, 12, 10)),
        (Period.FINAL_ACCOUNTS, D(2023, 1, 30)),
    ],
)
def test_default_deadlines_for_fiscal_year_2021(period, due):
    assert deadline(2021, period).due_on == due


def test_a_recorded_decision_date_moves_the_deadline():
    assert deadline(2021, Period.ESTIMATE_APPROVED, D(2020, 12, 8)).due_on == D(2021, 1, 7)
    # 5 working days from Friday 4 December 2020 skip the weekend.
    assert deadline(2021, Period.ESTIMATE_SUBMITTED, D(2020, 12, 4)).due_on == D(2020, 12, 11)
    assert add_working_days(D(2021, 10, 15), 1) == D(2021, 10, 18)


@pytest.mark.parametrize(
    ("published_on", "today", "expected"),
    [
        (D(2021, 4, 15), D(2021, 5, 1), Status.ON_TIME),
        (D(2021, 4, 16), D(2021, 5, 1), Status.LATE),
        (None, D(2021, 4, 10), Status.DUE),
        (None, D(2021, 4, 16), Status.MISSING),
        (None, D(2021, 3, 31), Status.NOT_YET_DUE),
    ],
)
def test_quarterly_report_states(published_on, today, expected):
    assert status(deadline(2021, Period.Q1), published_on, today) == expected


def _document(title="Báo cáo.pdf", size=2048):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save("bao-cao.pdf", ContentFile(b"x" * size), save=False)
    document.file_size = size
    document.save()
    return document


def _budget(period, published_on, year=2021, **fields):
    return BudgetDocument.objects.create(
        fiscal_year=year,
        period=period,
        title=fields.pop("title", f"{period} {year}"),
        document=fields.pop("document", None) or _document(),
        published_on=published_on,
        **fields,
    )


def test_year_report_says_what_is_on_time_late_due_or_missing(db):
    _budget(Period.ESTIMATE_APPROVED, D(2021, 1, 5))
    _budget(Period.Q1, D(2021, 4, 20))
    report = {row.period: row.status for row in year_report(2021, today=D(2021, 10, 10))}
    assert report == {
        Period.ESTIMATE_SUBMITTED: Status.MISSING,
        Period.ESTIMATE_APPROVED: Status.ON_TIME,
        Period.Q1: Status.LATE,
        Period.SIX_MONTHS: Status.MISSING,
        Period.NINE_MONTHS: Status.DUE,
        Period.YEAR: Status.NOT_YET_DUE,
        Period.FINAL_ACCOUNTS: Status.NOT_YET_DUE,
    }


def test_block_lists_a_years_documents_by_period_newest_first_with_type_and_size(db):
    _budget(Period.Q1, D(2021, 4, 12), title="Quý I", form_code="59/CK-NSNN")
    _budget(Period.NINE_MONTHS, D(2021, 10, 12), title="9 tháng")
    _budget(Period.NINE_MONTHS, D(2021, 10, 14), title="9 tháng, bổ sung")
    _budget(Period.Q1, D(2020, 4, 12), year=2020, title="Năm trước")
    block = BudgetBlock()
    with translation.override("vi"):
        html = block.render(block.to_python({}), {"request": RequestFactory().get("/")})
        data = block.get_api_representation(block.to_python({"fiscal_year": 2021}))
    assert "Năm ngân sách 2021" in html and "Năm trước" not in html
    order = [html.index(t) for t in ("9 tháng, bổ sung</a>", "9 tháng</a>", "Quý I</a>")]
    assert order == sorted(order)
    assert "Mẫu 59/CK-NSNN" in html and "PDF, 2,0" in html
    assert [p["period"] for p in data["periods"]] == ["nine_months", "q1"]
    assert data["periods"][1]["documents"][0]["file_size"] == 2048
    assert data["periods"][1]["documents"][0]["file_type"] == "PDF"


def test_block_without_documents_says_so(db):
    block = BudgetBlock()
    with translation.override("vi"):
        html = block.render(block.to_python({}), {"request": RequestFactory().get("/")})
    assert "Chưa có tài liệu công khai ngân sách nào." in html


def test_fiscal_year_out_of_range_is_an_error_on_that_field(db):
    from wagtail.blocks import StructBlockValidationError

    block = BudgetBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"fiscal_year": 1990}))
    assert "fiscal_year" in error.value.block_errors


def test_admin_report_shows_each_periods_status(db, client):
    _budget(Period.Q1, D(2021, 4, 20))
    user = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
    client.force_login(user)
    response = client.get("/admin/widgets/budget-status/?year=2021")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã công khai chậm" in html and "15/04/2021" in html
    assert "Chưa công khai (đã quá hạn)" in html


class BudgetIndexPageTests(WagtailPageTestCase):
    def test_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(BudgetIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BudgetIndexPage, set())

    def test_lists_every_year(self):
        from wagtail.models import Page, Site

        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu-budget"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
        page = home.add_child(instance=BudgetIndexPage(title="Công khai ngân sách", slug="ckns"))
        _budget(Period.Q1, D(2021, 4, 12), title="Quý I 2021")
        _budget(Period.Q1, D(2020, 4, 12), year=2020, title="Quý I 2020")
        self.assertPageIsRenderable(page)
        html = self.client.get(page.url).content.decode()
        assert html.index("Quý I 2021") < html.index("Quý I 2020")
        assert "Năm ngân sách 2020" in html


def test_the_sample_budget_figures_add_up():
    from demo.budget_files import BUDGET_FILES, budget_rows

    for spec in BUDGET_FILES:
        rows = budget_rows(spec)
        groups = [index for index, row in enumerate(rows) if row.group]
        for start, end in zip(groups, [*groups[1:], len(rows)], strict=True):
            lines = rows[start + 1 : end]
            for column, total in enumerate(rows[start].amounts):
                assert total == sum(line.amounts[column] for line in lines)
        assert len(rows[0].amounts) == len(spec.columns) - 2 - len(rows[0].percents)
