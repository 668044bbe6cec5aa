"""The weather: /api/v3/weather/, each city's newest stored forecast. It only reads the
database (``manage.py fetch_weather`` stores forecasts); it never calls a provider."""

from ninja import Field, Query, Router, Schema

from ..weather.blocks import AttributionData, CityWeatherData, city_data
from ..weather.data import attributions, city_weather
from ..weather.models import stale_after
from .common import LocaleParam, localized

router = Router(tags=["weather"])


class CityForecast(CityWeatherData):
    name_vi: str
    name_en: str
    attribution: AttributionData | None = Field(description="to show wherever its data is")


class WeatherOut(Schema):
    locale: str
    stale_after_seconds: int = Field(description="a forecast older than this is stale")
    cities: list[CityForecast]
    attributions: list[AttributionData]


class WeatherFilters(Schema):
    locale: LocaleParam


def _city(weather):
    attribution = weather.attribution
    return {
        **city_data(weather).model_dump(mode="json"),
        "name_vi": weather.city.name_vi,
        "name_en": weather.city.name_en,
        "attribution": {"text": attribution[0], "url": attribution[1]} if attribution else None,
    }


@router.get(
    "/",
    response=WeatherOut,
    summary="The newest forecast of each city",
    description=(
        "Cities in the editors' order, each with its current conditions and the days ahead "
        "(WMO weather code, text and icon name), `updated_at` (when it was stored), its age "
        "and `stale` once it is older than `stale_after_seconds`. A provider outage leaves "
        "the last forecast in place, marked stale."
    ),
)
def weather(request, filters: Query[WeatherFilters]):
    with localized(filters.locale) as language:
        rows = city_weather()
        return {
            "locale": language,
            "stale_after_seconds": int(stale_after().total_seconds()),
            "cities": [_city(row) for row in rows],
            "attributions": [{"text": t, "url": u} for t, u in attributions(rows)],
        }
