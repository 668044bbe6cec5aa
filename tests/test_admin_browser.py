"""The admin in a real browser, as a Vietnamese officer: upload a CSV of readings, read the
preview of what will be written, confirm; pick and type a date as dd/mm/yyyy."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from articles.models import ArticlePage
from demo.workflow import EDITORS
from tests.browser.fixtures import browser, site  # noqa: F401
from tests.browser.helpers import open_page
from tests.browser.pages import SEED_ARTICLE
from widgets.monitoring.models import Reading

# django_db: the tests read the module's committed demo; the officer and what the browser
# writes are committed by the live server and removed with the demo at the end.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "mat-khau-Can-bo-2021"
CSV = (
    "station_code;metric;observed_at;value\n"
    "TG-LONGHAI;salinity;19/10/2021 07:00;0,7\n"
    "TG-VAMKENH;water_level;19/10/2021 07:00;-1,25\n"
    "TG-BATAI;salinity;19/10/2021 07:00;-\n"
)


@pytest.fixture(scope="module")
def officer(site, django_db_blocker):  # noqa: F811
    """An editor of the newsroom group who may also import readings (committed)."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user("can-bo", "cb@example.com", PASSWORD)
        user.groups.add(Group.objects.get(name=EDITORS))
        user.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="widgets", codename__in=["add_reading", "view_reading"]
            )
        )
    return user


def log_in(page, user):
    page.set_default_timeout(60_000)  # the admin's editor pages are heavy on a busy machine
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_an_officer_uploads_readings_sees_the_rows_then_confirms(browser, site, officer):  # noqa: F811
    before = Reading.objects.count()
    with open_page(browser, site, None) as page:
        log_in(page, officer)
        page.goto("/admin/widgets/import-readings/")
        assert "Nhập số liệu quan trắc" in page.locator(".w-breadcrumbs").inner_text()
        page.set_input_files(
            "input[name=file]",
            {"name": "so-lieu.csv", "mimeType": "text/csv", "buffer": CSV.encode()},
        )
        with page.expect_navigation():
            page.get_by_role("button", name="Kiểm tra tệp").click()
        rows = page.locator("table.listing tbody tr")
        assert rows.count() == 2
        first, second = rows.nth(0).inner_text(), rows.nth(1).inner_text()
        assert all(text in first for text in ("Cống Long Hải", "Độ mặn", "07:00 19/10/2021"))
        assert "0,7 g/l" in first and "mới" in first
        assert "Vàm Kênh" in second and "Mực nước" in second and "-1,25 m" in second
        assert Reading.objects.count() == before  # nothing written before confirmation

        with page.expect_navigation():
            page.get_by_role("button", name="Nhập các số liệu này").click()
        assert "Đã nhập 2 số liệu" in page.locator(".messages").inner_text()
        assert not page.problems, page.problems
    assert Reading.objects.count() == before + 2


def test_the_date_picker_shows_and_accepts_dd_mm_yyyy(browser, site, officer):  # noqa: F811
    slug = SEED_ARTICLE.strip("/").split("/")[-1]
    article = ArticlePage.objects.get(slug=slug, locale__language_code="vi")
    with open_page(browser, site, None) as page:
        log_in(page, officer)
        page.goto(f"/admin/pages/{article.pk}/edit/")
        date = page.locator("input[name=date]")
        assert date.input_value() == "12/10/2021"

        date.click()  # the picker opens on October 2021 and writes the day it is given
        picker = page.locator(".xdsoft_datetimepicker:visible")
        picker.locator('td.xdsoft_date[data-date="21"][data-month="9"]').click()
        assert date.input_value() == "21/10/2021"

        date.fill("20/10/2021")  # typed as an officer types it
        page.keyboard.press("Escape")
        # Let Wagtail's autosave (500 ms after a change) finish first: a save pressed while
        # it runs races with it and one of the two gets a 400.
        page.wait_for_timeout(2500)
        with page.expect_navigation():
            page.get_by_role("button", name="Lưu bản nháp").click()
        assert page.locator("input[name=date]").input_value() == "20/10/2021"
        assert not page.problems, page.problems
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.date == datetime.date(2021, 10, 20)
