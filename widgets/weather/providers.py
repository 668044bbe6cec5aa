"""Weather providers: anything that turns a city into a :class:`ForecastData`.

A provider raises :class:`ProviderError` for every failure (timeout, HTTP error, a body that
is not the expected JSON), so the fetch command can keep the last forecast and move on.
The one network call is :func:`http_get_json`; tests replace it with recorded responses."""

import contextlib
import datetime
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.module_loading import import_string

from ..conf import app_settings


class ProviderError(Exception):
    pass


@dataclass
class DayForecast:
    date: datetime.date
    weather_code: int | None
    temperature_min: Decimal | None
    temperature_max: Decimal | None
    precipitation: Decimal | None = None

    def as_json(self):
        return {
            "date": self.date.isoformat(),
            "weather_code": self.weather_code,
            "temperature_min": _number(self.temperature_min),
            "temperature_max": _number(self.temperature_max),
            "precipitation": _number(self.precipitation),
        }


@dataclass
class ForecastData:
    observed_at: datetime.datetime | None
    weather_code: int | None
    temperature: Decimal | None
    humidity: int | None
    wind_speed: Decimal | None
    days: list[DayForecast] = field(default_factory=list)
    raw: dict | None = None


def _number(value):
    return None if value is None else float(value)


class WeatherProvider:
    name = ""
    attribution = ""
    attribution_url = ""

    def fetch(self, city) -> ForecastData:
        raise NotImplementedError


def http_get_json(url, timeout):
    """GET ``url`` and decode its JSON body. Raises ProviderError on any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": "cong-thong-tin/1.0"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read()
    except urllib.error.HTTPError as exc:
        reason = ""
        with contextlib.suppress(ValueError, AttributeError):
            reason = json.loads(exc.read() or b"{}").get("reason", "")
        raise ProviderError(f"HTTP {exc.code} {reason}".strip()) from exc
    except TimeoutError as exc:
        raise ProviderError("timed out") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise ProviderError(f"unreachable: {exc}") from exc
    try:
        return json.loads(body)
    except ValueError as exc:
        raise ProviderError("the response is not JSON") from exc


class OpenMeteoProvider(WeatherProvider):
    name = "open-meteo"
    attribution = "Open-Meteo (CC BY 4.0)"
    attribution_url = "https://open-meteo.com/"
    base_url = "https://api.open-meteo.com/v1/forecast"
    current = "temperature_2m,relative_humidity_2m,weather_code,wind_speed_10m"
    daily = "weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum"

    def __init__(self, timeout=10, forecast_days=3):
        self.timeout = timeout
        self.forecast_days = forecast_days

    def url(self, city):
        query = urllib.parse.urlencode(
            {
                "latitude": city.latitude,
                "longitude": city.longitude,
                "current": self.current,
                "daily": self.daily,
                "timezone": "Asia/Ho_Chi_Minh",
                "forecast_days": self.forecast_days,
            }
        )
        return f"{self.base_url}?{query}"

    def fetch(self, city):
        payload = http_get_json(self.url(city), self.timeout)
        return self.parse(payload)

    def parse(self, payload):
        if not isinstance(payload, dict) or payload.get("error"):
            reason = payload.get("reason", "") if isinstance(payload, dict) else ""
            raise ProviderError(f"provider error: {reason}".strip())
        try:
            current, daily = payload["current"], payload["daily"]
            zone = datetime.timezone(datetime.timedelta(seconds=payload["utc_offset_seconds"]))
            observed_at = datetime.datetime.fromisoformat(current["time"]).replace(tzinfo=zone)
            days = [
                DayForecast(
                    date=datetime.date.fromisoformat(day),
                    weather_code=_int(daily["weather_code"][i]),
                    temperature_max=_decimal(daily["temperature_2m_max"][i]),
                    temperature_min=_decimal(daily["temperature_2m_min"][i]),
                    precipitation=_decimal((daily.get("precipitation_sum") or [None] * (i + 1))[i]),
                )
                for i, day in enumerate(daily["time"])
            ]
            return ForecastData(
                observed_at=observed_at,
                weather_code=_int(current.get("weather_code")),
                temperature=_decimal(current.get("temperature_2m")),
                humidity=_int(current.get("relative_humidity_2m")),
                wind_speed=_decimal(current.get("wind_speed_10m")),
                days=days,
                raw=payload,
            )
        except (KeyError, IndexError, TypeError, ValueError, InvalidOperation) as exc:
            raise ProviderError(f"unexpected response: {exc!r}") from exc


def _decimal(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(value)
    return Decimal(str(value)).quantize(Decimal("0.1"))


def _int(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(value)
    return int(value)


def get_provider():
    return import_string(app_settings.PORTAL_WEATHER_PROVIDER)()
