"""Fetching forecasts for every city into the database (run by ``manage.py fetch_weather``).

A failed city is retried with exponential back-off; if it still fails its last stored
forecast stays in place (and ages into "stale"), and the failure is logged."""

import datetime
import logging
import time
from dataclasses import dataclass, field

from django.utils import timezone

from headless.signals import data_changed

from .models import City, Forecast
from .providers import ProviderError

logger = logging.getLogger(__name__)
KEEP_HISTORY = datetime.timedelta(days=7)


@dataclass
class FetchReport:
    updated: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def store(city, data, provider_name, now=None):
    forecast = Forecast.objects.create(
        city=city,
        provider=provider_name,
        fetched_at=now or timezone.now(),
        observed_at=data.observed_at,
        weather_code=data.weather_code,
        temperature=data.temperature,
        humidity=data.humidity,
        wind_speed=data.wind_speed,
        temperature_min=data.days[0].temperature_min if data.days else None,
        temperature_max=data.days[0].temperature_max if data.days else None,
        daily=[day.as_json() for day in data.days],
        raw=data.raw,
    )
    # Old fetched forecasts are history nobody reads; hand-entered ones are kept.
    Forecast.objects.filter(
        city=city, provider=provider_name, fetched_at__lt=forecast.fetched_at - KEEP_HISTORY
    ).delete()
    data_changed.send(sender=Forecast, topic="weather")
    return forecast


def fetch_city(city, provider, attempts=3, backoff=2.0, sleep=time.sleep):
    for attempt in range(1, attempts + 1):
        try:
            data = provider.fetch(city)
        except ProviderError as exc:
            logger.warning(
                "Weather for %s: attempt %s/%s failed: %s", city.code, attempt, attempts, exc
            )
            if attempt < attempts:
                sleep(backoff * 2 ** (attempt - 1))
            continue
        return store(city, data, provider.name)
    logger.error("Weather for %s: keeping the last forecast after %s attempts", city.code, attempts)
    return None


def fetch_all(provider, cities=None, **options):
    report = FetchReport()
    for city in cities if cities is not None else City.objects.all():
        forecast = fetch_city(city, provider, **options)
        (report.updated if forecast else report.failed).append(city)
    return report
