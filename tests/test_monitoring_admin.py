"""The admin import: upload, preview (nothing written), confirm; POST only, CSRF, permission."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories_widgets import make_station
from widgets.monitoring.models import Reading

URL = "/admin/widgets/import-readings/"
HEADER = b"station_code;metric;observed_at;value\n"
GOOD = HEADER + b"LH;salinity;18/10/2021 07:00;0,7\nLH;salinity;18/10/2021 08:00;-\n"
BAD = HEADER + b"LH;salinity;18/10/2021 07:00;0,7\nXX;salinity;18/10/2021 08:00;1\n"


@pytest.fixture
def admin_client(db, client):
    make_station("LH", "Cống Long Hải")
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def upload(client, content, name="readings.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content, "text/csv")})


def test_upload_previews_then_confirm_imports(admin_client):
    page = admin_client.get(URL)
    assert page.status_code == 200 and "Nhập số liệu quan trắc" in page.content.decode()
    preview = upload(admin_client, GOOD)
    html = preview.content.decode()
    assert "1 số liệu mới" in html and "1 ô trống" in html
    assert Reading.objects.count() == 0
    token = preview.context["token"]
    done = admin_client.post(URL, {"token": token, "confirm": "1"}, follow=True)
    assert Reading.objects.count() == 1
    assert "Đã nhập 1 số liệu" in done.content.decode()
    # The same token cannot be confirmed twice.
    again = admin_client.post(URL, {"token": token, "confirm": "1"}, follow=True)
    assert "hết hạn" in again.content.decode() and Reading.objects.count() == 1


def test_a_bad_file_shows_every_error_with_line_and_field_and_no_confirm_button(admin_client):
    html = upload(admin_client, BAD).content.decode()
    assert "Chưa nhập dữ liệu nào" in html
    assert "<td>3</td><td><code>station_code</code></td>" in html
    assert 'name="confirm"' not in html
    assert Reading.objects.count() == 0


def test_cancel_writes_nothing(admin_client):
    token = upload(admin_client, GOOD).context["token"]
    admin_client.post(URL, {"token": token, "cancel": "1"})
    assert Reading.objects.count() == 0


def test_wrong_file_type_is_refused_on_the_field(admin_client):
    html = upload(admin_client, b"x", name="readings.xlsx").content.decode()
    assert "Hãy chọn tệp .csv hoặc .json." in html


def test_another_editor_cannot_confirm_my_upload(admin_client, db):
    token = upload(admin_client, GOOD).context["token"]
    other = get_user_model().objects.create_superuser("other", "o@example.com", "pw")
    client = Client()
    client.force_login(other)
    client.post(URL, {"token": token, "confirm": "1"})
    assert Reading.objects.count() == 0


def test_csrf_is_required(db):
    make_station("LH", "Cống Long Hải")
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(URL, {"file": SimpleUploadedFile("r.csv", GOOD, "text/csv")})
    assert response.status_code == 403
    assert Reading.objects.count() == 0


def test_editors_without_permission_cannot_import(db, client):
    user = get_user_model().objects.create_user("editor", "e@example.com", "pw")
    group = Group.objects.create(name="Biên tập")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)
    assert URL not in client.get("/admin/").content.decode()  # not in the menu either


def test_readings_and_stations_are_in_the_monitoring_menu(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert (
        URL in html and "/admin/widgets/budget-status/" in html
    )  # the menu is JSON for the sidebar
    assert admin_client.get("/admin/snippets/widgets/reading/").status_code == 200
    assert admin_client.get("/admin/snippets/widgets/station/").status_code == 200
    assert admin_client.get("/admin/snippets/widgets/forecast/add/").status_code == 200
