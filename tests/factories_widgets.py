"""Small factories for the widgets tests (monitoring, weather, budget)."""

import datetime
import zoneinfo
from decimal import Decimal
from pathlib import Path

from widgets.monitoring.models import Reading, Station
from widgets.weather.models import City

ZONE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def local(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ZONE)


def make_station(code="ST1", name="Trạm thử", **fields):
    defaults = {"name_vi": name, "measures_salinity": True}
    defaults.update(fields)
    return Station.objects.create(code=code, **defaults)


def add_readings(station, metric, values):
    """``values``: {(day, hour): value} in October 2021, local time."""
    Reading.objects.bulk_create(
        Reading(
            station=station,
            metric=metric,
            observed_at=local(2021, 10, day, hour),
            value=Decimal(str(value)),
        )
        for (day, hour), value in values.items()
    )


def make_city(code="tien-giang", name="Tiền Giang", **fields):
    defaults = {"name_vi": name, "latitude": Decimal("10.36"), "longitude": Decimal("106.36")}
    defaults.update(fields)
    return City.objects.create(code=code, **defaults)


def show_every_station_and_city(home):
    """Point ``home``'s salinity, water-level and weather blocks at every station and city,
    and publish it, so the page grows with the data. Returns the stations and cities."""
    stations, cities = list(Station.objects.all()), list(City.objects.all())
    body = home.body
    for block in body:
        if block.block_type == "salinity":
            block.value["stations"] = stations
        if block.block_type == "water_level":
            block.value["stations"] = [s for s in stations if s.measures_water_level]
        if block.block_type == "weather":
            block.value["cities"] = cities
    home.body = body
    home.save_revision().publish()
    return stations, cities


def fixture_text(name):
    return (FIXTURES / name).read_text(encoding="utf-8")
