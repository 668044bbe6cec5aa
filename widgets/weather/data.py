"""The newest stored forecast of each chosen city, in two queries whatever their number."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from .codes import describe
from .models import City, Forecast
from .providers import OpenMeteoProvider

ATTRIBUTIONS = {
    OpenMeteoProvider.name: (OpenMeteoProvider.attribution, OpenMeteoProvider.attribution_url)
}


@dataclass
class CityWeather:
    city: City
    forecast: Forecast | None
    now: object

    @property
    def condition(self):
        return describe(self.forecast.weather_code if self.forecast else None)

    @property
    def text(self):
        return str(self.condition[0])

    @property
    def icon(self):
        return self.condition[1]

    @property
    def stale(self):
        return self.forecast is None or self.forecast.is_stale(self.now)

    @property
    def updated_at(self):
        return timezone.localtime(self.forecast.fetched_at) if self.forecast else None

    @property
    def attribution(self):
        if self.forecast is None:
            return None
        return ATTRIBUTIONS.get(self.forecast.provider)


def city_weather(city_ids=None, now=None):
    now = now or timezone.now()
    latest = Forecast.objects.filter(city=OuterRef("pk")).order_by("-fetched_at", "-pk")
    cities = City.objects.annotate(latest_id=Subquery(latest.values("pk")[:1]))
    if city_ids:
        cities = cities.filter(pk__in=city_ids)
    cities = list(cities)
    if city_ids:
        position = {pk: index for index, pk in enumerate(city_ids)}
        cities.sort(key=lambda c: position.get(c.pk, len(position)))
    ids = [c.latest_id for c in cities if c.latest_id]
    forecasts = Forecast.objects.defer("raw").in_bulk(ids) if ids else {}
    return [CityWeather(c, forecasts.get(c.latest_id), now) for c in cities]


def attributions(rows):
    """The distinct attributions of the data shown, in order of appearance."""
    seen = []
    for row in rows:
        if row.attribution and row.attribution not in seen:
            seen.append(row.attribution)
    return seen
