"""The admin as a Vietnamese officer meets it: screens headed by their own titles, an import
preview that shows what will be written, readings with their units, dates typed and shown as
dd/mm/yyyy, moderation that says what it does, and nothing fetched from the internet."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from tests.factories_widgets import add_readings, local, make_station
from widgets.budget.models import BudgetDocument, Period
from widgets.monitoring.models import Metric, Reading

Document = get_document_model()
IMPORT_URL = "/admin/widgets/import-readings/"
HEADER = "station_code;metric;observed_at;value\n"


@pytest.fixture
def admin(admin_user, client):
    client.force_login(admin_user)
    return admin_user


def heading(response):
    """What the slim header shows as the screen's title: its last breadcrumb."""
    return str(response.context["breadcrumbs_items"][-1]["label"])


def upload(client, text, name="readings.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, text.encode(), "text/csv")})


def cells(html):
    """The preview table's rows, as lists of cell texts."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


# Titles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "title"),
    [
        (IMPORT_URL, "Nhập số liệu quan trắc"),
        ("/admin/widgets/budget-status/", "Thời hạn công khai ngân sách"),
    ],
)
def test_custom_screens_are_headed_by_their_own_title_not_home(admin, client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    assert heading(response) == title
    breadcrumbs = response.content.decode().split('aria-label="Đường dẫn điều hướng"')[1]
    assert title in breadcrumbs.split("</nav>")[0]


# Import preview -------------------------------------------------------------------------


def test_the_preview_lists_the_first_50_readings_to_be_written_and_writes_nothing(admin, client):
    station = make_station("LH", "Cống Long Hải")
    add_readings(station, Metric.SALINITY, {(18, 0): "0.5"})
    lines = [
        f"LH;salinity;18/10/2021 {hour % 24:02d}:{minute:02d};0,7"
        for hour in range(3)
        for minute in range(0, 60, 3)
    ]  # 60 readings, the first (00:00) already stored
    response = upload(client, HEADER + "\n".join(lines) + "\n")
    html = response.content.decode()
    rows = cells(html)
    assert len(rows) == 50
    assert rows[0] == [
        "2",
        "Cống Long Hải",
        "Độ mặn",
        "00:00 18/10/2021",
        "0,7 g/l",
        "đã có (giữ nguyên)",
    ]
    assert rows[1] == ["3", "Cống Long Hải", "Độ mặn", "00:03 18/10/2021", "0,7 g/l", "mới"]
    assert "50 số liệu đầu tiên sẽ được ghi" in html
    assert "… và 10 số liệu nữa." in html
    assert Reading.objects.count() == 1  # the preview wrote nothing

    token = response.context["token"]
    client.post(IMPORT_URL, {"token": token, "confirm": "1"})
    assert Reading.objects.count() == 60
    assert Reading.objects.get(observed_at=local(2021, 10, 18, 0)).value == Decimal("0.5")


def test_a_number_with_a_thousands_separator_is_explained(admin, client):
    make_station("LH", "Cống Long Hải")
    html = upload(client, HEADER + "LH;water_level;18/10/2021 07:00;1.234,5\n").content.decode()
    assert (
        "&quot;1.234,5&quot; không phải là số: hãy viết không có dấu phân cách hàng nghìn "
        "&quot;.&quot;, ví dụ 1234,5." in html
    )
    assert 'name="confirm"' not in html and Reading.objects.count() == 0


# Readings list --------------------------------------------------------------------------


def test_the_readings_list_shows_the_metric_name_and_the_value_with_its_unit(admin, client):
    station = make_station("VK", "Vàm Kênh", measures_water_level=True)
    add_readings(station, Metric.SALINITY, {(18, 7): "5.6"})
    add_readings(station, Metric.WATER_LEVEL, {(18, 7): "-1.57"})
    html = client.get("/admin/snippets/widgets/reading/").content.decode()
    assert "5,6 g/l" in html and "-1,57 m" in html
    assert "5,600" not in html
    assert re.search(r">\s*Độ mặn\s*<", html) and re.search(r">\s*Mực nước\s*<", html)


# Dates ----------------------------------------------------------------------------------


def _budget_document():
    file = Document.objects.create(title="Báo cáo", file=ContentFile(b"%PDF-1.4", name="bc.pdf"))
    return BudgetDocument.objects.create(
        document=file,
        fiscal_year=2021,
        period=Period.Q1,
        title="Báo cáo quý I",
        published_on=datetime.date(2021, 4, 15),
    )


def _date_input(html, name):
    match = re.search(
        rf'<input[^>]*name="{name}"[^>]*>\s*<script>initDateChooser\(.*?, (.*?)\);', html, re.S
    )
    assert match, f"no date picker for {name}"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return (value.group(1) if value else ""), match.group(1)


def test_vietnamese_editors_see_and_type_dates_as_dd_mm_yyyy(admin, client):
    document = _budget_document()
    url = reverse("wagtailsnippets_widgets_budgetdocument:edit", args=[document.pk])
    value, config = _date_input(client.get(url).content.decode(), "published_on")
    assert value == "15/04/2021"
    assert '"format": "d/m/Y"' in config

    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(published_on="20/04/2021", decided_on="")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    document.refresh_from_db()
    assert document.published_on == datetime.date(2021, 4, 20)


def test_english_editors_keep_iso_dates(admin, client):
    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": "en"})
    document = _budget_document()
    url = reverse("wagtailsnippets_widgets_budgetdocument:edit", args=[document.pk])
    value, config = _date_input(client.get(url).content.decode(), "published_on")
    assert value == "2021-04-15" and '"format": "Y-m-d"' in config


def test_listing_filters_take_and_show_dd_mm_yyyy(admin, client):
    html = client.get("/admin/reports/aging-pages/?last_published_at=20/10/2030").content.decode()
    value, config = _date_input(html, "last_published_at")
    assert value == "20/10/2030" and '"format": "d/m/Y"' in config
    assert "Nhập một ngày hợp lệ" not in html


def test_scheduled_publishing_takes_a_vietnamese_date_and_time(admin, client):
    from wagtail.admin.widgets import AdminDateTimeInput

    widget = AdminDateTimeInput()
    moment = datetime.datetime(2021, 10, 18, 7, 0)
    assert widget.format_value(moment) == "18/10/2021 07:00"
    assert widget.get_config()["format"] == "d/m/Y H:i"


# Offline --------------------------------------------------------------------------------


def test_the_admin_calls_no_external_service(admin, client):
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert "w-upgrade" not in html and "releases.wagtail.org" not in html
