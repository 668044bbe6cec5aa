"""The home page's widgets come from the cache, yet a reader never sees figures older than
the data: every change (an import, a forecast typed by hand, an edit in the admin, a page
unpublished or restricted) shows on the very next view."""

import datetime
import time
from decimal import Decimal
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from articles.models import VideoPage
from home.models import HomePage
from tests.factories_widgets import local
from widgets.budget.models import BudgetDocument
from widgets.fragments import render_stream
from widgets.monitoring.models import Station
from widgets.weather.models import City, Forecast

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")

SEED_MORNING = local(2021, 10, 18, 7)
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 reader"}


def home(client, path="/"):
    response = client.get(path, **BROWSER)
    assert response.status_code == 200
    return response.content.decode()


def salinity_of(html):
    return html.split("widget-monitoring--salinity")[1].split("</section>")[0]


def test_an_import_shows_on_the_next_view(demo, client, tmp_path):
    assert "9,9 g/l" not in salinity_of(home(client))
    observed = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    path = tmp_path / "readings.csv"
    path.write_text(
        f"station_code;metric;observed_at;value\nTG-VAMKENH;salinity;{observed};9,9\n",
        encoding="utf-8",
    )
    call_command("import_readings", str(path), stdout=StringIO())
    assert "9,9 g/l" in salinity_of(home(client))


def test_a_threshold_changed_in_the_admin_shows_on_the_next_view(demo, client):
    with mock.patch("django.utils.timezone.now", return_value=SEED_MORNING):
        assert "Gây hại cho lúa" in salinity_of(home(client))  # Vàm Kênh: 5,3 g/l >= 4
        station = Station.objects.get(code="TG-VAMKENH")
        station.salinity_threshold = Decimal("6")
        station.save()
        assert "Gây hại cho lúa" not in salinity_of(home(client))


def test_a_forecast_typed_by_hand_shows_on_the_next_view(demo, client):
    assert "41 °C" not in home(client)
    Forecast.objects.create(city=City.objects.get(code="ca-mau"), temperature=Decimal("41"))
    assert "41 °C" in home(client)


def test_a_deleted_budget_document_disappears_on_the_next_view(demo, client):
    document = BudgetDocument.objects.order_by("-fiscal_year", "-published_on").first()
    assert document.title in home(client)
    document.delete()
    assert document.title not in home(client)


def test_an_unpublished_video_leaves_the_home_page_at_once(demo, client):
    video = VideoPage.objects.live().filter(locale__language_code="vi").first()
    assert video.title in home(client)
    video.unpublish()
    assert video.title not in home(client)


def test_a_video_restricted_to_signed_in_users_leaves_the_home_page_at_once(demo, client):
    video = VideoPage.objects.live().filter(locale__language_code="vi").first()
    assert video.title in home(client)
    PageViewRestriction.objects.create(page=video, restriction_type="login")
    assert video.title not in home(client)


def test_the_same_widgets_render_in_each_readers_language(demo, rf):
    body = HomePage.objects.get(locale__language_code="vi").body
    request = rf.get("/")
    with translation.override("vi"):
        vietnamese = render_stream(body, {"request": request})
    with translation.override("en"):
        english = render_stream(body, {"request": request})
    assert "Thông tin độ mặn" in vietnamese and "Tăng 1 g/l" in vietnamese
    assert "Up 1 g/l" in english and "Tăng 1 g/l" not in english


@pytest.mark.django_db
def test_a_station_turning_stale_is_marked_once_the_short_cache_lifetime_is_over(
    demo, client, settings
):
    settings.PORTAL_WIDGET_CACHE_SECONDS = 1
    with mock.patch("django.utils.timezone.now", return_value=SEED_MORNING):
        assert "Số liệu cũ" not in salinity_of(home(client))
    time.sleep(1.2)
    later = SEED_MORNING + datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert salinity_of(home(client)).count("Số liệu cũ") == 5
