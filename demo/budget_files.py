"""The demo's budget disclosure documents: which PDF each one is, and the sample figures the
PDFs print (``scripts/demo_budget_pdfs.py`` writes them; ``load_demo`` only reads them).

The figures are sample data in million đồng, consistent within each form: every group is the
sum of its lines, and a period's execution is a share of the year's estimate that grows
through the year."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from widgets.budget.deadlines import Period

# code, label, the year's estimate, and its lines (code, label, estimate)
GROUPS = [
    (
        "A",
        "TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN",
        [
            ("I", "Thu nội địa", 9_020_000),
            ("II", "Thu từ hoạt động xuất khẩu, nhập khẩu", 1_400_000),
        ],
    ),
    (
        "B",
        "THU NGÂN SÁCH ĐỊA PHƯƠNG",
        [
            ("1", "Thu ngân sách địa phương được hưởng theo phân cấp", 8_640_000),
            ("2", "Thu bổ sung từ ngân sách cấp trên", 6_480_000),
        ],
    ),
    (
        "C",
        "CHI NGÂN SÁCH ĐỊA PHƯƠNG",
        [
            ("I", "Chi đầu tư phát triển", 4_980_000),
            ("II", "Chi thường xuyên", 9_690_000),
            ("III", "Chi trả nợ lãi các khoản do chính quyền địa phương vay", 12_000),
            ("IV", "Chi bổ sung quỹ dự trữ tài chính", 1_200),
            ("V", "Dự phòng ngân sách", 376_800),
        ],
    ),
]
# Share of the year's estimate carried out by the end of each period, revenue (A, B) and
# spending (C), and the change on the same period of the year before (%).
PROGRESS = {
    Period.Q1: ("quý I", Decimal("0.26"), Decimal("0.19"), Decimal("104.2")),
    Period.SIX_MONTHS: ("6 tháng", Decimal("0.55"), Decimal("0.42"), Decimal("108.5")),
    Period.NINE_MONTHS: ("9 tháng", Decimal("0.83"), Decimal("0.66"), Decimal("111.3")),
}
# Lines run a little ahead of or behind their group, as real execution does.
LINE_SPREAD = [Decimal("1.04"), Decimal("0.93"), Decimal("1.01"), Decimal("0.97"), Decimal("0.9")]


@dataclass(frozen=True)
class BudgetFile:
    filename: str
    fiscal_year: int
    period: str
    form: str
    title: str
    published_on: datetime.date

    @property
    def columns(self):
        if self.period not in PROGRESS:
            return ("STT", "Nội dung", f"Dự toán năm {self.fiscal_year}")
        label = PROGRESS[self.period][0]
        return (
            "STT",
            "Nội dung",
            "Dự toán năm",
            f"Ước thực hiện {label}",
            "So với dự toán năm (%)",
            "So với cùng kỳ năm trước (%)",
        )


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    amounts: tuple
    percents: tuple
    group: bool = False


def _rounded(value):
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def budget_rows(spec):
    """The form's rows: each group, then its lines."""
    progress = PROGRESS.get(spec.period)
    rows = []
    for code, label, lines in GROUPS:
        line_rows = []
        for index, (line_code, line_label, estimate) in enumerate(lines):
            if progress is None:
                line_rows.append(Row(line_code, line_label, (estimate,), ()))
                continue
            _, revenue, spending, year_on_year = progress
            share = (spending if code == "C" else revenue) * LINE_SPREAD[index]
            done = _rounded(estimate * share)
            change = year_on_year * LINE_SPREAD[-1 - index]
            line_rows.append(
                Row(
                    line_code,
                    line_label,
                    (estimate, done),
                    (Decimal(done * 100) / estimate, change),
                )
            )
        totals = tuple(
            sum(row.amounts[i] for row in line_rows) for i in range(len(line_rows[0].amounts))
        )
        percents = ()
        if progress is not None:
            # Last year's figure of each line, from its change, gives the group's change.
            last_year = sum(Decimal(row.amounts[1] * 100) / row.percents[1] for row in line_rows)
            percents = (Decimal(totals[1] * 100) / totals[0], totals[1] * 100 / last_year)
        rows.append(Row(code, label, totals, percents, group=True))
        rows.extend(line_rows)
    return rows


BUDGET_FILES = [
    BudgetFile(
        "du-toan-ngan-sach-2021.pdf",
        2021,
        Period.ESTIMATE_APPROVED,
        "46/CK-NSNN",
        "Dự toán ngân sách địa phương năm 2021 đã được Hội đồng nhân dân tỉnh quyết định",
        datetime.date(2021, 1, 5),
    ),
    BudgetFile(
        "thuc-hien-ngan-sach-quy-1-2021.pdf",
        2021,
        Period.Q1,
        "59/CK-NSNN",
        "Tình hình thực hiện dự toán ngân sách quý I năm 2021",
        datetime.date(2021, 4, 12),
    ),
    BudgetFile(
        "thuc-hien-ngan-sach-6-thang-2021.pdf",
        2021,
        Period.SIX_MONTHS,
        "59/CK-NSNN",
        "Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2021",
        datetime.date(2021, 7, 14),
    ),
    BudgetFile(
        "thuc-hien-ngan-sach-9-thang-2021.pdf",
        2021,
        Period.NINE_MONTHS,
        "59/CK-NSNN",
        "Tình hình thực hiện dự toán ngân sách 9 tháng năm 2021",
        datetime.date(2021, 10, 12),
    ),
]
