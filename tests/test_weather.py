"""Weather: parsing recorded Open-Meteo responses, fetching with retries, keeping the last
forecast through an outage, and a block that never calls the provider."""

import datetime
import io
import json
from decimal import Decimal
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import translation

from tests.factories_widgets import fixture_text, local, make_city
from widgets.weather import providers
from widgets.weather.blocks import WeatherBlock
from widgets.weather.fetch import fetch_city
from widgets.weather.models import Forecast
from widgets.weather.providers import OpenMeteoProvider, ProviderError

FORECAST = json.loads(fixture_text("open-meteo-forecast-my-tho.json"))
ERROR_BODY = json.loads(fixture_text("open-meteo-error.json"))
FETCHED = local(2021, 10, 18, 7, 5)


def recorded(payload):
    def http_get_json(url, timeout):
        assert "latitude=10.36" in url and "timezone=Asia%2FHo_Chi_Minh" in url
        assert timeout > 0
        return payload

    return http_get_json


def failing(message):
    def http_get_json(url, timeout):
        raise ProviderError(message)

    return http_get_json


def test_open_meteo_current_and_daily_are_parsed():
    data = OpenMeteoProvider().parse(FORECAST)
    assert data.temperature == Decimal("26.4") and data.humidity == 88 and data.weather_code == 2
    assert data.observed_at == local(2021, 10, 18, 7)
    assert [d.date.isoformat() for d in data.days] == ["2021-10-18", "2021-10-19", "2021-10-20"]
    assert data.days[1].weather_code == 95 and data.days[0].temperature_max == Decimal("31.6")


@pytest.mark.parametrize(
    "payload",
    [ERROR_BODY, {}, {"current": {}, "daily": {}}, [], {"current": FORECAST["current"]}],
)
def test_unexpected_bodies_are_provider_errors(payload):
    with pytest.raises(ProviderError):
        OpenMeteoProvider().parse(payload)


def test_http_errors_timeouts_and_garbage_become_provider_errors(monkeypatch):
    import urllib.error

    def http_500(request, timeout):
        raise urllib.error.HTTPError(
            request.full_url, 500, "Server Error", {}, io.BytesIO(b"<html>")
        )

    def http_400(request, timeout):
        body = io.BytesIO(json.dumps(ERROR_BODY).encode())
        raise urllib.error.HTTPError(request.full_url, 400, "Bad Request", {}, body)

    def timeout(request, timeout):
        raise TimeoutError("timed out")

    class Garbage:
        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

        def read(self):
            return b"<html>maintenance</html>"

    for opener, words in [
        (http_500, "HTTP 500"),
        (http_400, "tempeture_2m"),
        (timeout, "timed out"),
        (lambda request, timeout: Garbage(), "not JSON"),
    ]:
        monkeypatch.setattr(providers.urllib.request, "urlopen", opener)
        with pytest.raises(ProviderError, match=words):
            providers.http_get_json("https://api.open-meteo.com/v1/forecast", 5)


def test_fetch_stores_current_and_daily_with_the_raw_payload(db, monkeypatch):
    city = make_city()
    monkeypatch.setattr(providers, "http_get_json", recorded(FORECAST))
    forecast = fetch_city(city, OpenMeteoProvider(), sleep=lambda s: None)
    assert forecast.provider == "open-meteo"
    assert forecast.temperature == Decimal("26.4") and forecast.temperature_max == Decimal("31.6")
    assert forecast.daily[1] == {
        "date": "2021-10-19",
        "weather_code": 95,
        "temperature_min": 24.5,
        "temperature_max": 30.9,
        "precipitation": 18.4,
    }
    assert forecast.raw == FORECAST


def test_retries_with_back_off_then_succeeds(db, monkeypatch):
    city = make_city()
    answers = iter([ProviderError("timed out"), ProviderError("HTTP 500"), FORECAST])

    def flaky(url, timeout):
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    waits = []
    monkeypatch.setattr(providers, "http_get_json", flaky)
    assert fetch_city(city, OpenMeteoProvider(), attempts=3, backoff=2, sleep=waits.append)
    assert waits == [2, 4]


@pytest.mark.parametrize("failure", ["timed out", "HTTP 500 ", "the response is not JSON"])
def test_an_outage_keeps_the_last_forecast_marked_stale(db, monkeypatch, caplog, failure):
    city = make_city()
    with mock.patch("django.utils.timezone.now", return_value=FETCHED):
        monkeypatch.setattr(providers, "http_get_json", recorded(FORECAST))
        fetch_city(city, OpenMeteoProvider())
    monkeypatch.setattr(providers, "http_get_json", failing(failure))
    with mock.patch(
        "django.utils.timezone.now", return_value=FETCHED + datetime.timedelta(hours=5)
    ):
        assert fetch_city(city, OpenMeteoProvider(), sleep=lambda s: None) is None
        assert Forecast.objects.count() == 1
        block = WeatherBlock()
        with translation.override("vi"):
            html = block.render(block.to_python({}), {"request": RequestFactory().get("/")})
            data = block.get_api_representation(block.to_python({}))
    assert "26,4 °C" in html and "Số liệu cũ" in html and "cách đây 5 giờ" in html
    assert data["cities"][0]["stale"] is True and data["cities"][0]["age_seconds"] == 5 * 3600
    assert "keeping the last forecast" in caplog.text


def test_fetch_weather_command(db, monkeypatch):
    make_city()
    make_city("ca-mau", "Cà Mau")
    monkeypatch.setattr(providers, "http_get_json", recorded(FORECAST))
    out = io.StringIO()
    call_command("fetch_weather", stdout=out)
    assert "2 updated, 0 failed" in out.getvalue()
    monkeypatch.setattr(providers, "http_get_json", failing("timed out"))
    with pytest.raises(CommandError, match="last ones are kept"):
        call_command("fetch_weather", "--backoff=0", stdout=io.StringIO(), stderr=io.StringIO())
    assert Forecast.objects.count() == 2


def test_block_labels_each_city_from_its_own_data_with_attribution(demo, monkeypatch):
    monkeypatch.setattr(providers, "http_get_json", failing("a page view must not call this"))
    block = WeatherBlock()
    with translation.override("vi"):
        html = block.render(block.to_python({}), {"request": RequestFactory().get("/")})
    names = ["Hà Nội", "Tp Hồ Chí Minh", "Huế", "Tiền Giang", "Nha Trang", "Cà Mau"]
    positions = [html.index(f'widget-weather__name">{name}<') for name in names]
    assert positions == sorted(positions)
    assert "Thời tiết Tp Hồ Chí Minh" not in html
    assert "widget__sample" in html  # the demo's forecasts are sample data, not Open-Meteo's
    assert "Open-Meteo (CC BY 4.0)" not in html
    assert "Có mây" in html  # WMO code 2 in Vietnamese


def test_home_page_never_calls_the_provider(demo, client, monkeypatch):
    called = mock.Mock(side_effect=AssertionError("provider called during a page view"))
    monkeypatch.setattr(providers, "http_get_json", called)
    response = client.get("/")
    assert response.status_code == 200
    assert not called.called
    assert "widget__sample" in response.content.decode()


def test_hand_entered_forecast_is_the_fallback(db):
    city = make_city()
    with mock.patch("django.utils.timezone.now", return_value=FETCHED):
        Forecast.objects.create(city=city, weather_code=61, temperature=Decimal("25"))
        block = WeatherBlock()
        with translation.override("en"):
            data = block.get_api_representation(block.to_python({}))
    [row] = data["cities"]
    assert row["provider"] == "manual" and row["text"] == "Light rain" and row["icon"] == "rain"
    assert row["stale"] is False and data["attributions"] == []


def test_weather_block_query_count_does_not_grow_with_cities(db, django_assert_max_num_queries):
    for index in range(20):
        city = make_city(f"c{index}", f"Thành phố {index}")
        for hours in range(3):
            Forecast.objects.create(
                city=city,
                temperature=Decimal(index),
                fetched_at=FETCHED - datetime.timedelta(hours=hours),
            )
    block = WeatherBlock()
    with django_assert_max_num_queries(2):
        html = block.render(block.to_python({}), {"request": RequestFactory().get("/")})
    assert html.count("widget-weather__city") == 20
