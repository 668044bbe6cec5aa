"""The weather block ("Dự báo thời tiết"): the chosen cities' newest stored forecasts."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from ..formatting import as_float, format_age, format_number
from .codes import describe
from .data import attributions, city_weather


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


class AttributionData(Schema):
    text: str
    url: str


class WeatherBlockData(Schema):
    heading: str
    cities: list[CityWeatherData]
    attributions: list[AttributionData]


def _temperature(value):
    return "" if value is None else f"{format_number(value)} °C"


class WeatherRow:
    def __init__(self, weather):
        self.weather = weather
        self.forecast = weather.forecast

    def __getattr__(self, name):
        return getattr(self.weather, name)

    @property
    def temperature_text(self):
        return _temperature(self.forecast.temperature) if self.forecast else ""

    @property
    def age_text(self):
        return format_age(self.forecast.age(self.now)) if self.forecast else ""

    @property
    def range_text(self):
        if not self.forecast or self.forecast.temperature_min is None:
            return ""
        low = format_number(self.forecast.temperature_min)
        return f"{low}–{_temperature(self.forecast.temperature_max)}"

    def as_data(self):
        """JSON-compatible data matching :class:`CityWeatherData`."""
        f = self.forecast
        days = []
        for day in (f.daily if f else []) or []:
            text, icon = describe(day.get("weather_code"))
            days.append(
                {
                    "date": day.get("date"),
                    "weather_code": day.get("weather_code"),
                    "text": str(text),
                    "icon": icon,
                    "temperature_min": day.get("temperature_min"),
                    "temperature_max": day.get("temperature_max"),
                }
            )
        return {
            "code": self.city.code,
            "name": self.city.name,
            "text": self.text,
            "icon": self.icon,
            "temperature": as_float(f.temperature) if f else None,
            "temperature_min": as_float(f.temperature_min) if f else None,
            "temperature_max": as_float(f.temperature_max) if f else None,
            "humidity": f.humidity if f else None,
            "wind_speed": as_float(f.wind_speed) if f else None,
            "updated_at": timezone.localtime(f.fetched_at).isoformat() if f else None,
            "age_seconds": int(f.age(self.now).total_seconds()) if f else None,
            "stale": self.stale,
            "provider": f.provider if f else None,
            "days": days,
        }


class WeatherBlock(blocks.StructBlock):
    api_schema = WeatherBlockData
    cache_topics = ("weather",)  # see widgets.fragments
    heading = blocks.CharBlock(
        label=gettext_lazy("Heading"),
        required=False,
        help_text=gettext_lazy("Leave blank for the standard heading."),
    )
    cities = blocks.ListBlock(
        SnippetChooserBlock("widgets.City", label=gettext_lazy("City")),
        label=gettext_lazy("Cities"),
        help_text=gettext_lazy("Leave empty to show every city."),
    )

    class Meta:
        icon = "site"
        template = "widgets/blocks/weather.html"
        label = gettext_lazy("Weather forecast")
        description = gettext_lazy("The newest stored forecast for each chosen city.")
        preview_value = {}

    def clean(self, value):
        value = super().clean(value)
        errors, seen = {}, set()
        for index, city in enumerate(value.get("cities") or []):
            if city is not None and city.pk in seen:
                errors[index] = ValidationError(_("This city is already in the list."))
            if city is not None:
                seen.add(city.pk)
        if errors:
            raise StructBlockValidationError(
                block_errors={"cities": ListBlockValidationError(block_errors=errors)}
            )
        return value

    def rows(self, value):
        ids = [city.pk for city in (value.get("cities") or []) if city is not None]
        return [WeatherRow(w) for w in city_weather(ids or None)]

    def heading_text(self, value):
        return value.get("heading") or _("Weather forecast")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        rows = self.rows(value)
        context.update(rows=rows, heading=self.heading_text(value), attributions=attributions(rows))
        return context

    def get_api_representation(self, value, context=None):
        rows = self.rows(value)
        return {
            "heading": self.heading_text(value),
            "cities": [row.as_data() for row in rows],
            "attributions": [{"text": t, "url": u} for t, u in attributions(rows)],
        }
