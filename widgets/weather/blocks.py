"""The weather block ("Dự báo thời tiết"): the chosen cities' newest stored forecasts.

Data: :meth:`WeatherBlock.build` (from ``data.city_weather``). Schema: :class:`WeatherBlockData`.
Template: ``widgets/blocks/weather.html``. Cache: ``cache_topics`` (a stored forecast bumps
"weather")."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext_lazy
from ninja import Schema
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from ..base import WidgetBlock
from ..bilingual import VIETNAMESE
from ..formatting import format_age, format_number
from .codes import describe
from .data import attributions, city_weather
from .models import SAMPLE


class DayData(Schema):
    date: datetime.date
    weather_code: int | None
    text: str
    icon: str
    temperature_min: float | None
    temperature_max: float | None


class CityWeatherData(Schema):
    code: str
    name: str
    text: str
    icon: str
    temperature: float | None
    temperature_min: float | None
    temperature_max: float | None
    humidity: int | None
    wind_speed: float | None
    updated_at: datetime.datetime | None  # when the forecast was stored
    age_seconds: int | None
    stale: bool
    provider: str | None
    days: list[DayData]

    _name_language: str = VIETNAMESE  # for the page only: the language ``name`` is in

    # For the page only (derived from the fields above, never serialised).
    @property
    def content_language(self):
        """For ``{{ row|lang_attr }}``: the name's language (see BilingualName)."""
        return self._name_language

    @property
    def has_forecast(self):
        return self.updated_at is not None

    @property
    def is_sample(self):
        return self.provider == SAMPLE

    @property
    def temperature_text(self):
        return _temperature(self.temperature)

    @property
    def range_text(self):
        if self.temperature_min is None:
            return ""
        return f"{_number(self.temperature_min)}–{_temperature(self.temperature_max)}"

    @property
    def age_text(self):
        if self.age_seconds is None:
            return ""
        return format_age(datetime.timedelta(seconds=self.age_seconds))


class AttributionData(Schema):
    text: str
    url: str


class WeatherBlockData(Schema):
    heading: str
    cities: list[CityWeatherData]
    attributions: list[AttributionData]

    @property
    def has_sample(self):
        """Some figures are sample data (the demo's), not a provider's forecast."""
        return any(city.is_sample for city in self.cities)


def _number(value):
    """A temperature carried as a float, written as stored (``30.5``, not 30.4999…)."""
    return format_number(Decimal(str(value)))


def _temperature(value):
    return "" if value is None else f"{_number(value)} °C"


def city_data(weather):
    """A :class:`CityWeatherData` of a ``data.CityWeather``."""
    f = weather.forecast
    days = []
    for day in (f.daily if f else []) or []:
        text, icon = describe(day.get("weather_code"))
        days.append(
            DayData(
                date=day.get("date"),
                weather_code=day.get("weather_code"),
                text=str(text),
                icon=icon,
                temperature_min=day.get("temperature_min"),
                temperature_max=day.get("temperature_max"),
            )
        )
    return CityWeatherData(
        code=weather.city.code,
        name=weather.city.name,
        text=weather.text,
        icon=weather.icon,
        temperature=f.temperature if f else None,
        temperature_min=f.temperature_min if f else None,
        temperature_max=f.temperature_max if f else None,
        humidity=f.humidity if f else None,
        wind_speed=f.wind_speed if f else None,
        updated_at=weather.updated_at,
        age_seconds=int(f.age(weather.now).total_seconds()) if f else None,
        stale=weather.stale,
        provider=f.provider if f else None,
        days=days,
    )


class WeatherBlock(WidgetBlock):
    api_schema = WeatherBlockData
    cache_topics = ("weather",)
    default_heading = gettext_lazy("Weather forecast")
    distinct_list = "cities"
    duplicate_message = gettext_lazy("This city is already in the list.")

    cities = blocks.ListBlock(
        SnippetChooserBlock("widgets.City", label=gettext_lazy("City")),
        label=gettext_lazy("Cities"),
        help_text=gettext_lazy("Leave empty to show every city."),
    )

    class Meta:
        icon = "site"
        label = gettext_lazy("Weather forecast")
        description = gettext_lazy("The newest stored forecast for each chosen city.")

    def build(self, value, context=None):
        ids = [city.pk for city in (value.get("cities") or []) if city is not None]
        weather = city_weather(ids or None)
        data = WeatherBlockData(
            heading=self.heading_text(value),
            cities=[city_data(w) for w in weather],
            attributions=[AttributionData(text=t, url=u) for t, u in attributions(weather)],
        )
        # The schema copies the rows it is given, so the page's extras are set on its own.
        for row, city in zip(data.cities, weather, strict=True):
            row._name_language = city.city.content_language
        return data
