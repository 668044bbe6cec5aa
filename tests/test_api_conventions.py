"""Conventions every project endpoint keeps: a query parameter it does not know is a 400
problem naming it (a typo is never silently ignored), stations are found by their permanent
code, and every timestamp is ISO 8601 with the +07:00 offset."""

import datetime

import pytest

from tests.factories_articles import make_article, make_site
from tests.factories_widgets import add_readings, make_station
from widgets.monitoring.models import Metric


@pytest.fixture
def stations(db):
    vam_kenh = make_station("TG-VAMKENH", "Vàm Kênh")
    add_readings(vam_kenh, Metric.SALINITY, {(18, 7): 5.3})
    make_station("TG-HOADINH", "Hòa Định")
    make_station("TG-LONGHAI", "Cống Long Hải")
    return vam_kenh


@pytest.mark.parametrize(
    ("path", "query", "named"),
    [
        ("/api/v3/articles/", "categroy=x", ["categroy"]),
        ("/api/v3/stations/", "metric=salinity&metrc=x", ["metrc"]),
        ("/api/v3/stations/{id}/readings/", "form=2021-10-18", ["form"]),
        ("/api/v3/stations/{id}/readings.csv", "limit=5", ["limit"]),
        ("/api/v3/weather/", "city=tien-giang", ["city"]),
        ("/api/v3/budget/documents/", "year=2021&quarter=1", ["quarter"]),
        ("/api/v3/stats/", "_=1700000000", ["_"]),
        ("/api/v3/routes/", "html_path=/&lang=en", ["lang"]),
    ],
)
def test_an_unknown_query_parameter_is_a_400_problem_naming_it(
    stations, client, path, query, named
):
    response = client.get(path.format(id=stations.pk) + "?" + query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["unknown_parameters"] == named
    assert named[0] in body["detail"]


def test_known_parameters_still_work_and_wagtails_own_filters_are_untouched(stations, client):
    assert client.get("/api/v3/stations/?metric=salinity&limit=5").status_code == 200
    assert client.get("/api/v3/weather/?locale=en").status_code == 200
    # Wagtail's page listing takes field filters of its own: not ours to refuse.
    assert client.get("/api/v3/pages/?title=x").status_code != 400


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ("TG-VAMKENH", ["TG-VAMKENH"]),
        ("tg-vamkenh", ["TG-VAMKENH"]),
        ("TG-VAMKENH, TG-LONGHAI", ["TG-LONGHAI", "TG-VAMKENH"]),
        ("KHONG-CO", []),
    ],
)
def test_stations_are_fetched_by_code(stations, client, codes, expected):
    data = client.get("/api/v3/stations/", {"code": codes}).json()
    assert sorted(item["code"] for item in data["items"]) == expected
    assert data["count"] == len(expected)


def test_a_station_by_code_carries_its_latest_reading_with_the_offset(stations, client):
    item = client.get("/api/v3/stations/", {"code": "TG-VAMKENH"}).json()["items"][0]
    assert item["salinity"]["latest"]["observed_at"] == "2021-10-18T07:00:00+07:00"


@pytest.mark.parametrize("code", ["x" * 501, "TG\x00"])
def test_bad_codes_are_422_problems(stations, client, code):
    response = client.get("/api/v3/stations/", {"code": code})
    assert response.status_code == 422


def test_every_timestamp_has_the_plus_seven_offset(db, client):
    """Wagtail's page fields came out in UTC (``…Z``) beside the project's +07:00."""
    site = make_site()
    article = make_article(site["news"], "Tin", date=datetime.date(2021, 10, 12))
    detail = client.get(f"/api/v3/pages/{article.pk}/").json()
    published = detail["meta"]["first_published_at"]
    assert published.endswith("+07:00"), published
    assert datetime.datetime.fromisoformat(published) == article.first_published_at
    listed = client.get("/api/v3/articles/").json()["items"][0]["last_published_at"]
    assert listed.endswith("+07:00")
    assert client.get("/api/v3/stats/").json()["as_of"].endswith("+07:00")


def test_the_convention_is_documented(db, client):
    description = client.get("/api/v3/openapi.json").json()["info"]["description"]
    assert "ISO 8601" in description and "+07:00" in description
    assert "400" in description
