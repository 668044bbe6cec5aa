"""The widgets' read endpoints against the demo: stations with their latest readings, a
station's readings (filters, CSV export), weather, budget documents; typed widget blocks on
the home page; constant queries."""

import csv
import io
from unittest import mock

import pytest
from django.core.cache import cache

from home.models import HomePage
from tests.factories_widgets import add_readings, local, make_station
from widgets.monitoring.importer import import_file
from widgets.monitoring.models import Metric, Reading, Station

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")

SEED_MORNING = local(2021, 10, 18, 7)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def seed_clock():
    with mock.patch("django.utils.timezone.now", return_value=SEED_MORNING):
        yield


def station_by_code(items, code):
    return next(item for item in items if item["code"] == code)


def test_stations_show_vam_kenh_at_5_3_g_l_rising_1_as_of_the_seed_morning(
    demo, seed_clock, client
):
    body = client.get("/api/v3/stations/").json()
    assert body["locale"] == "vi" and body["count"] == 5
    assert [item["code"] for item in body["items"]][:1] == ["TG-LONGHAI"]
    vam_kenh = station_by_code(body["items"], "TG-VAMKENH")
    assert vam_kenh["name"] == "Vàm Kênh" and vam_kenh["name_en"] == "Vam Kenh"
    salinity = vam_kenh["salinity"]
    assert salinity["latest"]["day_max"] == 5.3
    assert salinity["latest"]["change"] == 1.0
    assert salinity["latest"]["observed_at"] == "2021-10-18T07:00:00+07:00"
    assert salinity["latest"]["stale"] is False
    assert salinity["harmful_threshold"] == 4.0
    assert (salinity["state"], salinity["state_label"]) == ("harmful", "Gây hại cho lúa")
    assert salinity["fresh_for_seconds"] == 24 * 3600
    assert vam_kenh["water_level"]["alarm_levels"] == {
        "level_1": 1.6,
        "level_2": 1.8,
        "level_3": 2.0,
    }
    long_hai = station_by_code(body["items"], "TG-LONGHAI")["salinity"]["latest"]
    assert (long_hai["day_max"], long_hai["change"]) == (0.7, -1.6)
    assert station_by_code(body["items"], "TG-RACHBANG")["water_level"] is None


def test_stations_in_english_and_filtered_by_metric(demo, seed_clock, client):
    body = client.get("/api/v3/stations/?locale=en&metric=water_level").json()
    assert body["locale"] == "en"
    assert [item["name"] for item in body["items"]] == ["Long Hai sluice", "Gia Thuan", "Vam Kenh"]
    assert all(item["water_level"] for item in body["items"])
    vam_kenh = station_by_code(body["items"], "TG-VAMKENH")
    assert vam_kenh["salinity"]["state_label"] == "Harmful to rice"


def test_the_seed_data_is_stale_today_never_current(demo, client):
    body = client.get("/api/v3/stations/").json()
    for item in body["items"]:
        assert item["salinity"]["latest"]["stale"] is True


def test_a_station_without_readings_has_no_latest_reading(db, client):
    make_station("EMPTY", "Trạm trống")
    items = client.get("/api/v3/stations/").json()["items"]
    item = next(item for item in items if item["code"] == "EMPTY")
    assert item["salinity"]["latest"] is None
    assert item["salinity"]["state"] == "unknown"


@pytest.mark.parametrize(
    "query",
    ["locale=fr", "metric=ph", "limit=0", "limit=abc", "limit=501", "offset=-1"],
)
def test_bad_station_filters_are_422_problems(db, client, query):
    response = client.get(f"/api/v3/stations/?{query}")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")


def _many_stations(count):
    for n in range(count):
        station = make_station(f"S{n:03}", f"Trạm {n}", measures_water_level=True)
        add_readings(station, Metric.SALINITY, {(17, 7): 1, (18, 7): 2})
        add_readings(station, Metric.WATER_LEVEL, {(17, 7): 1, (18, 7): 2})


@pytest.mark.parametrize("limit", [2, 40])
def test_station_listing_queries_do_not_grow_with_the_page(
    db, client, django_assert_max_num_queries, limit
):
    before = Station.objects.count()
    _many_stations(40)
    with django_assert_max_num_queries(8):
        body = client.get(f"/api/v3/stations/?limit={limit}").json()
    assert len(body["items"]) == limit and body["count"] == before + 40


# A station's readings


@pytest.fixture
def vam_kenh(demo):
    return Station.objects.get(code="TG-VAMKENH")


def test_readings_of_a_day_newest_first(vam_kenh, client):
    url = f"/api/v3/stations/{vam_kenh.pk}/readings/?metric=salinity&from=2021-10-18&to=2021-10-18"
    body = client.get(url).json()
    assert body["station"] == {"id": vam_kenh.pk, "code": "TG-VAMKENH", "name": "Vàm Kênh"}
    english = client.get(f"/api/v3/stations/{vam_kenh.pk}/readings/?locale=en&limit=1").json()
    assert english["station"]["name"] == "Vam Kenh"
    times = [item["observed_at"] for item in body["items"]]
    assert times == sorted(times, reverse=True)
    assert all(t.startswith("2021-10-18T") for t in times)
    assert max(item["value"] for item in body["items"]) == 5.3
    assert {item["metric"] for item in body["items"]} == {"salinity"}
    assert {item["unit"] for item in body["items"]} == {"g/l"}
    assert (
        body["count"]
        == Reading.objects.filter(
            station=vam_kenh,
            metric="salinity",
            observed_at__gte=local(2021, 10, 18),
            observed_at__lt=local(2021, 10, 19),
        ).count()
    )


def test_readings_between_two_times_are_inclusive(db, client):
    station = make_station()
    add_readings(station, Metric.SALINITY, {(18, 5): 1, (18, 6): 2, (18, 7): 3, (18, 8): 4})
    url = f"/api/v3/stations/{station.pk}/readings/?from=2021-10-18T06:00&to=2021-10-18T07:00"
    assert [i["value"] for i in client.get(url).json()["items"]] == [3.0, 2.0]
    english = client.get(f"/api/v3/stations/{station.pk}/readings/?locale=en").json()
    assert english["station"]["name"] == "Trạm thử"  # no English name: the Vietnamese one
    utc = f"/api/v3/stations/{station.pk}/readings/?from=2021-10-17T23:00:00%2B00:00"
    assert [i["value"] for i in client.get(utc).json()["items"]] == [4.0, 3.0, 2.0]


def test_readings_are_paged(db, client):
    station = make_station()
    add_readings(station, Metric.SALINITY, {(18, hour): hour for hour in range(10)})
    body = client.get(f"/api/v3/stations/{station.pk}/readings/?limit=3&offset=2").json()
    assert body["count"] == 10
    assert [item["value"] for item in body["items"]] == [7.0, 6.0, 5.0]


@pytest.mark.parametrize(
    "query",
    [
        "from=2021-10-19&to=2021-10-18",
        "from=2021-10-18T08:00&to=2021-10-18T07:00",
        "from=abc",
        "to=18/10/2021",
        "from=0001-01-01",
        "to=9999-12-31",
        "metric=ph",
        "limit=0",
        "limit=1001",
        "offset=-1",
    ],
)
def test_bad_reading_filters_are_422_problems(vam_kenh, client, query):
    for path in ("readings/", "readings.csv"):
        response = client.get(f"/api/v3/stations/{vam_kenh.pk}/{path}?{query}")
        if path.endswith(".csv") and query.startswith(("limit", "offset")):
            continue  # the export is not paged
        assert response.status_code == 422, (path, query)
        assert response["Content-Type"].startswith("application/problem+json")
        assert response.json()["errors"]


def test_an_unknown_station_is_a_404_problem(db, client):
    for path in ("/api/v3/stations/999999/readings/", "/api/v3/stations/999999/readings.csv"):
        response = client.get(path)
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/problem+json")


def _csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    return text, list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_export_of_the_filtered_readings(vam_kenh, client):
    response = client.get(
        f"/api/v3/stations/{vam_kenh.pk}/readings.csv?metric=salinity&from=2021-10-18"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="readings-TG-VAMKENH.csv"'
    _text, rows = _csv(response)
    assert rows[0] == ["station_code", "metric", "observed_at", "value"]
    assert rows[1][:3] == ["TG-VAMKENH", "salinity", "2021-10-18T07:00:00+07:00"]
    assert "5.3" in [row[3] for row in rows[1:]]
    assert {row[1] for row in rows[1:]} == {"salinity"}
    json_count = client.get(
        f"/api/v3/stations/{vam_kenh.pk}/readings/?metric=salinity&from=2021-10-18"
    ).json()["count"]
    assert len(rows) - 1 == json_count


def test_a_csv_export_imports_back_unchanged(vam_kenh, client):
    _text, rows = _csv(client.get(f"/api/v3/stations/{vam_kenh.pk}/readings.csv"))
    before = Reading.objects.count()
    text = "\n".join(";".join(row) for row in rows)
    result = import_file(io.BytesIO(text.encode()), name="export.csv")
    assert result.ok and result.committed
    assert result.readings == len(rows) - 1 and result.created == 0
    assert Reading.objects.count() == before


# Weather


def test_weather_gives_each_citys_newest_forecast_with_its_age(demo, seed_clock, client):
    body = client.get("/api/v3/weather/").json()
    assert [city["code"] for city in body["cities"]][:2] == ["ha-noi", "ho-chi-minh"]
    hanoi = body["cities"][0]
    assert (hanoi["name"], hanoi["name_en"]) == ("Hà Nội", "Hanoi")
    assert hanoi["temperature"] == 24.1 and hanoi["humidity"] == 70
    assert (hanoi["text"], hanoi["icon"]) == ("Nhiều mây, u ám", "cloudy")
    assert hanoi["updated_at"] == "2021-10-18T07:00:00+07:00"
    assert hanoi["age_seconds"] == 0 and hanoi["stale"] is False
    assert hanoi["provider"] == "sample"  # the demo's forecasts are sample data
    assert hanoi["attribution"] is None
    assert [(d["weather_code"], d["icon"]) for d in hanoi["days"]] == [
        (3, "cloudy"),
        (61, "rain"),
        (2, "partly-cloudy"),
    ]
    assert hanoi["days"][1]["text"] == "Mưa nhỏ"
    assert body["attributions"] == []


def test_weather_in_english_and_stale_after_the_limit(demo, client):
    body = client.get("/api/v3/weather/?locale=en").json()
    hanoi = body["cities"][0]
    assert (hanoi["name"], hanoi["days"][1]["text"]) == ("Hanoi", "Light rain")
    assert hanoi["stale"] is True
    assert hanoi["age_seconds"] > body["stale_after_seconds"] == 3 * 3600


def test_weather_never_calls_a_provider(demo, client):
    with mock.patch(
        "widgets.weather.providers.http_get_json", side_effect=AssertionError("called")
    ):
        assert client.get("/api/v3/weather/").status_code == 200


# Budget documents


def test_budget_documents_with_deadline_status_and_file(demo, client):
    body = client.get("/api/v3/budget/documents/?year=2021&period=nine_months").json()
    assert body["count"] == 1
    document = body["items"][0]
    assert document["fiscal_year"] == 2021
    assert document["period"] == {
        "code": "nine_months",
        "label": "Tình hình thực hiện dự toán 9 tháng",
    }
    assert document["form_code"] == "59/CK-NSNN"
    assert document["published_on"] == "2021-10-12"
    assert document["deadline"] == "2021-10-15"
    assert document["status"] == {"code": "on_time", "label": "Đã công khai đúng hạn"}
    assert document["file"]["file_type"] == "PDF"
    assert document["file"]["url"].startswith("/documents/")
    assert document["file"]["file_size"] > 0


def test_budget_documents_filtered_by_kind_and_paged(demo, client):
    body = client.get("/api/v3/budget/documents/?kind=59/ck-nsnn&limit=1").json()
    assert body["count"] >= 2 and len(body["items"]) == 1
    english = client.get("/api/v3/budget/documents/?locale=en&period=nine_months").json()
    assert english["items"][0]["status"]["label"] == "Published on time"
    assert client.get("/api/v3/budget/documents/?year=2030").json() == {
        "locale": "vi",
        "count": 0,
        "items": [],
    }


def test_a_file_in_a_private_collection_is_not_linked(demo, client):
    from wagtail.models import Collection, CollectionViewRestriction

    from widgets.budget.models import BudgetDocument

    private = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = BudgetDocument.objects.get(fiscal_year=2021, period="nine_months").document
    document.collection = private
    document.save()
    item = client.get("/api/v3/budget/documents/?period=nine_months").json()["items"][0]
    assert item["file"] is None


@pytest.mark.parametrize(
    "query", ["year=1999", "year=abc", "period=q5", "limit=0", "limit=101", "locale=fr"]
)
def test_bad_budget_filters_are_422_problems(db, client, query):
    response = client.get(f"/api/v3/budget/documents/?{query}")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("listing", "limit"), [("readings", 5), ("readings", 500), ("budget", 1), ("budget", 50)]
)
def test_reading_and_budget_queries_do_not_grow_with_the_page(
    vam_kenh, client, django_assert_max_num_queries, listing, limit
):
    paths = {
        "readings": f"/api/v3/stations/{vam_kenh.pk}/readings/",
        "budget": "/api/v3/budget/documents/",
    }
    with django_assert_max_num_queries(3):
        body = client.get(f"{paths[listing]}?limit={limit}").json()
    assert len(body["items"]) == min(limit, body["count"])


# Widget blocks in the home page's StreamField


def test_home_page_widgets_are_typed_in_the_openapi_document(db, client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    salinity = schemas["HomePageBodySalinityItem"]["properties"]["value"]
    assert salinity["$ref"].endswith("/MonitoringBlockData")
    rows = schemas["StationRowData"]["properties"]
    assert rows["latest_at"]["anyOf"][0]["format"] == "date-time"
    assert "WeatherBlockData" in schemas and "BudgetBlockData" in schemas
    assert schemas["StatisticsData"]["required"] == ["heading", "online", "today", "total"]


def test_home_page_widgets_serialise_their_live_data(demo, seed_clock, client):
    home = HomePage.objects.get(locale__language_code="vi")
    body = client.get(f"/api/v3/pages/{home.pk}/").json()["body"]
    by_type = {block["type"]: block["value"] for block in body}
    salinity = by_type["salinity"]
    vam_kenh = next(row for row in salinity["stations"] if row["code"] == "TG-VAMKENH")
    assert (vam_kenh["day_max"], vam_kenh["change_text"]) == (5.3, "Tăng 1 g/l")
    assert salinity["as_of"] == "2021-10-18T07:00:00+07:00"
    assert by_type["statistics"]["total"] >= 613_887
    assert by_type["weather"]["cities"][0]["updated_at"].startswith("2021-10-18T07:00")


def test_public_gets_are_cached_with_etags(demo, client):
    first = client.get("/api/v3/stations/")
    assert first["ETag"] and "max-age=60" in first["Cache-Control"]
    assert client.get("/api/v3/stations/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert "max-age=300" in client.get("/api/v3/weather/")["Cache-Control"]
    assert "max-age=300" in client.get("/api/v3/budget/documents/")["Cache-Control"]


def test_an_edit_in_the_admin_reaches_the_cached_api_at_once(demo, client):
    first = client.get("/api/v3/stations/?locale=vi")
    assert client.get("/api/v3/stations/?locale=vi")["X-Cache"] == "hit"
    station = Station.objects.get(code="TG-VAMKENH")
    station.name_vi = "Vàm Kênh (cửa sông)"
    station.save()
    second = client.get("/api/v3/stations/?locale=vi")
    assert second["ETag"] != first["ETag"]
    names = [item["name"] for item in second.json()["items"]]
    assert "Vàm Kênh (cửa sông)" in names
