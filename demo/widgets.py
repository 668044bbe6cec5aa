"""Demo data for the widgets and the home page's side column, as on the seed page.

Readings are loaded through the real importer from ``content/readings.csv`` (semicolons and
decimal commas, as exported from a Vietnamese spreadsheet), recorded up to 07:00 18/10/2021
and shifted so the newest is the hour the demo is loaded: the salinity block shows the seed's
0,7 / 0 / 0,15 / 0,7 / 5,3 g/l and changes −1,6 / −0,2 / −2,1 / −1,2 / +1 g/l as current
figures. Forecasts are sample Open-Meteo-shaped responses stored at the same hour under the
``sample`` provider, so the weather block says they are sample data. Water levels are in m
above the Hòn Dấu datum; only the stations with official alarm levels carry them. Every step
looks its data up first: re-running changes nothing. ``PORTAL_DEMO_CLOCK`` (a datetime or
ISO string) pins the load hour, e.g. to the seed morning in tests."""

import datetime
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.blocks import ChooserBlock
from wagtail.documents import get_document_model
from wagtail.models import Page

from widgets.budget.models import BudgetDocument, BudgetIndexPage
from widgets.monitoring.importer import import_rows
from widgets.monitoring.models import Reading, Station
from widgets.monitoring.readers import read_rows
from widgets.stats.counting import seed_total
from widgets.weather.fetch import store
from widgets.weather.models import SAMPLE, City
from widgets.weather.providers import OpenMeteoProvider

from .budget_files import BUDGET_FILES
from .content import CONTENT_DIR
from .translation import ensure_index, sync_translation

ZONE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SEED_MORNING = datetime.datetime(2021, 10, 18, 7, 0, tzinfo=ZONE)  # the newest recording
CSV_TIME = "%d/%m/%Y %H:%M"
SEED_TOTAL_VISITS = 613_887

# code, name, English name, water level measured, alarm levels I/II/III (m)
STATIONS = [
    ("TG-LONGHAI", "Cống Long Hải", "Long Hai sluice", True, None),
    ("TG-RACHBANG", "Rạch Băng", "Rach Bang", False, None),
    ("TG-GIATHUAN", "Gia Thuận", "Gia Thuan", True, ("1.60", "1.80", "2.00")),
    ("TG-BATAI", "Bà Tài", "Ba Tai", False, None),
    ("TG-VAMKENH", "Vàm Kênh", "Vam Kenh", True, ("1.60", "1.80", "2.00")),
]

# code, name, English name, latitude, longitude, current (°C, %, WMO, km/h), days
CITIES = [
    ("ha-noi", "Hà Nội", "Hanoi", "21.0285", "105.8542", (24.1, 70, 3, 9.4), [3, 61, 2]),
    (
        "ho-chi-minh",
        "Tp Hồ Chí Minh",
        "Ho Chi Minh City",
        "10.8231",
        "106.6297",
        (27.2, 84, 2, 8.6),
        [80, 95, 3],
    ),
    ("hue", "Huế", "Hue", "16.4637", "107.5909", (25.3, 90, 61, 12.2), [63, 65, 61]),
    (
        "tien-giang",
        "Tiền Giang",
        "Tien Giang",
        "10.3600",
        "106.3600",
        (26.4, 88, 2, 7.9),
        [80, 95, 3],
    ),
    ("nha-trang", "Nha Trang", "Nha Trang", "12.2388", "109.1967", (27.0, 80, 1, 14.0), [2, 80, 3]),
    ("ca-mau", "Cà Mau", "Ca Mau", "9.1769", "105.1524", (26.8, 89, 80, 10.1), [95, 81, 80]),
]

BUDGET_INDEX = {
    "vi": {"title": "Công khai ngân sách", "slug": "cong-khai-ngan-sach"},
    "en": {"title": "Budget disclosure", "slug": "budget-disclosure"},
}
SALINITY_DESCRIPTION = "Tình hình hạn mặn khu vực tỉnh Tiền Giang (g/l). Dữ liệu mẫu."
WATER_DESCRIPTION = (
    "Tình hình mực nước khu vực tỉnh Tiền Giang (m, theo hệ cao độ Hòn Dấu). Dữ liệu mẫu."
)
LINKS = [
    ("Cổng Dịch vụ công Quốc gia", "https://dichvucong.gov.vn/"),
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
]
ENGLISH = {
    SALINITY_DESCRIPTION: "Salinity in Tiền Giang province (g/l). Sample data.",
    WATER_DESCRIPTION: "Water levels in Tiền Giang province (m above the Hòn Dấu datum). "
    "Sample data.",
    "Cổng Dịch vụ công Quốc gia": "National Public Service Portal",
    "Cổng Thông tin điện tử Chính phủ": "Government e-portal",
}


def demo_clock():
    """The hour the demo's recorded data is shifted to: now, unless settings pin it."""
    pinned = getattr(settings, "PORTAL_DEMO_CLOCK", None)
    if isinstance(pinned, str):
        pinned = parse_datetime(pinned)
    moment = timezone.localtime(pinned or timezone.now(), ZONE)
    return moment.replace(minute=0, second=0, microsecond=0)


def _shifted(rows, delta):
    """The recorded rows with their times moved by ``delta``, as the spreadsheet writes them."""
    for line, row in rows:
        moment = datetime.datetime.strptime(row["observed_at"], CSV_TIME).replace(tzinfo=ZONE)
        yield line, {**row, "observed_at": (moment + delta).strftime(CSV_TIME)}


def build_stations(stdout, clock):
    for order, (code, name, name_en, water, alarms) in enumerate(STATIONS):
        station, created = Station.objects.get_or_create(
            code=code,
            defaults={
                "name_vi": name,
                "name_en": name_en,
                "measures_salinity": True,
                "measures_water_level": water,
                "sort_order": order,
                **(
                    dict(
                        zip(
                            ("alarm_level_1", "alarm_level_2", "alarm_level_3"),
                            map(Decimal, alarms),
                            strict=True,
                        )
                    )
                    if alarms
                    else {}
                ),
            },
        )
        if created:
            stdout.write(f"Created the station {name}.")
    if Reading.objects.filter(station__code__in=[code for code, *_ in STATIONS]).exists():
        return
    rows = read_rows(CONTENT_DIR / "readings.csv", name="readings.csv")
    result = import_rows(_shifted(rows, clock - SEED_MORNING), now=clock)
    if not result.committed:
        raise RuntimeError(f"The demo readings do not import: {result.errors[:3]}")
    if result.created:
        stdout.write(f"Imported {result.created} demo readings.")


def _open_meteo_payload(current, codes, clock):
    temperature, humidity, code, wind = current
    days = [clock.date() + datetime.timedelta(days=n) for n in range(len(codes))]
    return {
        "utc_offset_seconds": 25200,
        "timezone": "Asia/Ho_Chi_Minh",
        "current": {
            "time": clock.strftime("%Y-%m-%dT%H:%M"),
            "interval": 900,
            "temperature_2m": temperature,
            "relative_humidity_2m": humidity,
            "weather_code": code,
            "wind_speed_10m": wind,
        },
        "daily": {
            "time": [day.isoformat() for day in days],
            "weather_code": codes,
            "temperature_2m_max": [round(temperature + 5 - n * 0.4, 1) for n in range(len(codes))],
            "temperature_2m_min": [round(temperature - 2 + n * 0.2, 1) for n in range(len(codes))],
            "precipitation_sum": [0.0 if c < 50 else 6.2 for c in codes],
        },
    }


def build_weather(stdout, clock):
    provider = OpenMeteoProvider()
    for order, (code, name, name_en, lat, lon, current, codes) in enumerate(CITIES):
        city, created = City.objects.get_or_create(
            code=code,
            defaults={
                "name_vi": name,
                "name_en": name_en,
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
                "sort_order": order,
            },
        )
        if created:
            stdout.write(f"Created the city {name}.")
        if not city.forecasts.exists():
            data = provider.parse(_open_meteo_payload(current, codes, clock))
            store(city, data, SAMPLE, now=clock)


def _budget_document(spec):
    """The form's PDF as the demo ships it (``demo/content/budget``), uploaded once."""
    Document = get_document_model()
    document = Document.objects.filter(title=spec.title).first()
    if document is None:
        document = Document(title=spec.title)
        with (CONTENT_DIR / "budget" / spec.filename).open("rb") as pdf:
            document.file.save(spec.filename, File(pdf), save=False)
        document.file_size = document.file.size
        document.save()
    return document


def build_budget(home, stdout):
    for spec in BUDGET_FILES:
        if BudgetDocument.objects.filter(
            fiscal_year=spec.fiscal_year, period=spec.period, title=spec.title
        ).exists():
            continue
        BudgetDocument.objects.create(
            fiscal_year=spec.fiscal_year,
            period=spec.period,
            form_code=spec.form,
            title=spec.title,
            document=_budget_document(spec),
            published_on=spec.published_on,
        )
        stdout.write(f"Created the budget document {spec.title}.")
    return ensure_index(home, BudgetIndexPage, BUDGET_INDEX, stdout, "budget disclosure page")


def _pages_of_type(app_label, model_name, home):
    """Live pages of a type the articles app defines, if it does (looked up by name)."""
    pages = (
        Page.objects.live()
        .descendant_of(home)
        .filter(content_type__app_label=app_label, content_type__model=model_name.lower())
    )
    return list(pages.order_by("path")[:3])


def _block(name, **values):
    """A complete block value: the block's defaults, then ``values``."""
    from home.models import HomePage

    block = HomePage.body.field.stream_block.child_blocks[name]
    # Text fields hold "" when empty, as the editor's form saves them (wagtail-localize needs it).
    defaults = {key: "" if value is None else value for key, value in block.get_default().items()}
    defaults.update(
        (key, None) for key, child in block.child_blocks.items() if isinstance(child, ChooserBlock)
    )
    return name, block.normalize({**defaults, **values})


def home_body(home, budget_index):
    stations = list(Station.objects.order_by("sort_order"))
    body = []
    videos = _pages_of_type("articles", "VideoPage", home)
    if videos:
        body.append(_block("featured_videos", pages=videos))
    galleries = _pages_of_type("articles", "GalleryPage", home)
    if galleries:
        body.append(_block("gallery_teaser", pages=galleries))
    slideshows = _pages_of_type("articles", "SlideshowPage", home)
    if slideshows:
        body.append(_block("slideshow", slideshow=slideshows[0]))
    body += [
        _block(
            "links",
            links=[
                {"label": label, "url": url, "new_tab": True, "page": None} for label, url in LINKS
            ],
        ),
        _block("statistics"),
        _block("budget", fiscal_year=2021, index_page=budget_index),
        _block("weather", cities=list(City.objects.order_by("sort_order"))),
        _block(
            "water_level",
            description=WATER_DESCRIPTION,
            stations=[s for s in stations if s.measures_water_level],
        ),
        _block("salinity", description=SALINITY_DESCRIPTION, stations=stations),
    ]
    return body


def build_home_widgets(home, stdout):
    """Put the seed page's side column on the home page (only if its body is still empty)."""
    with transaction.atomic():
        clock = demo_clock()
        build_stations(stdout, clock)
        build_weather(stdout, clock)
        budget_index = build_budget(home, stdout)
        seed_total(SEED_TOTAL_VISITS)
        home = home.specific
        if len(home.body) == 0:
            home.body = home_body(home, budget_index)
            home.save_revision().publish()
            sync_translation(home, "en", ENGLISH)
            stdout.write("Added the widgets to the home page.")
