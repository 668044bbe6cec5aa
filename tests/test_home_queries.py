"""The home page with every widget reads the database a fixed number of times, whatever the
number of stations, readings, cities and articles (issue 4: target <= 15; see bench/).

Widgets are served from the cache until their data changes (``widgets.fragments``); the
first view after a change renders them all, in a fixed number of reads as well."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticleIndexPage
from headless.caching import bump, registered_topics
from home.models import HomePage
from widgets.monitoring.models import Reading
from widgets.weather.models import Forecast

from .factories_articles import make_article, make_image
from .factories_widgets import make_city, make_station, show_every_station_and_city

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")

# Reads of the whole page with its widgets cached: Wagtail's routing and view restrictions,
# the site frame, the news (one read: the latest articles, the editor's lead story first or
# the lead chosen among them; one more: the news section for "All news") and the visit
# counters. See bench/README.md.
HOME_PAGE_READS = 9
# The same when every widget renders afresh (the first view after an import, a forecast or a
# publication). Was 43 before the query work, 29 before the site identity: its frame (the
# identity row, emblem and rendition, the footer pages and their translations in two reads)
# costs 4 reads when the cache is cold, none when warm; the lead story's "All news" link one.
FRESH_HOME_PAGE_READS = 33
# A page view writes nothing: visits are counted by the beacon's request (widgets.stats), not
# by the page view (it was 3 upserts: total, today, online).
VISIT_COUNTER_WRITES = 0
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 reader"}


def measure(path="/", fresh=False):
    client = Client()
    assert client.get(path, **BROWSER).status_code == 200  # renditions are made once
    if fresh:
        bump(*registered_topics())  # as after an import, a forecast, a publication…
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **BROWSER)
    assert response.status_code == 200
    sql = [query["sql"] for query in captured.captured_queries]
    reads = [q for q in sql if q.lstrip().upper().startswith("SELECT")]
    counter_writes = [q for q in sql if q.startswith("INSERT INTO widgets_")]
    return reads, counter_writes


def grow(stations=12, cities=8, articles=8):
    """More of everything the home page lists, every station and city shown on the page."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for index in range(stations):
        station = make_station(code=f"MORE{index}", name=f"Trạm {index}", measures_water_level=True)
        Reading.objects.bulk_create(
            Reading(
                station=station,
                metric=metric,
                observed_at=now - datetime.timedelta(hours=hour),
                value=Decimal(hour % 40) / 10,
            )
            for metric in ("salinity", "water_level")
            for hour in range(0, 8 * 24, 3)
        )
    for index in range(cities):
        city = make_city(code=f"more-{index}", name=f"Thành phố {index}")
        Forecast.objects.bulk_create(
            Forecast(
                city=city,
                temperature=25 + hour % 5,
                fetched_at=now - datetime.timedelta(hours=hour),
            )
            for hour in range(6)
        )
    news = ArticleIndexPage.objects.get(locale__language_code="vi")
    image = make_image()
    for index in range(articles):
        make_article(
            news,
            f"Tin thêm {index}",
            date=timezone.localdate() - datetime.timedelta(days=index),
            hero_image=image if index % 2 else make_image(title=f"Ảnh {index}"),
        )
    home = HomePage.objects.get(locale__language_code="vi")
    all_stations, all_cities = show_every_station_and_city(home)
    return len(all_stations), len(all_cities)


def test_the_home_page_reads_a_fixed_small_number_of_times(demo):
    reads, counter_writes = measure()
    assert len(reads) <= HOME_PAGE_READS, "\n\n".join(reads)
    assert len(counter_writes) == VISIT_COUNTER_WRITES


def test_rendering_every_widget_afresh_reads_a_fixed_number_of_times(demo):
    reads, counter_writes = measure(fresh=True)
    assert len(reads) <= FRESH_HOME_PAGE_READS, "\n\n".join(reads)
    assert len(counter_writes) == VISIT_COUNTER_WRITES


def test_more_stations_readings_cities_and_articles_cost_no_more_queries(demo):
    before, _ = measure()
    before_fresh, _ = measure(fresh=True)
    stations, cities = grow()
    after, counter_writes = measure()
    after_fresh, _ = measure(fresh=True)
    assert stations >= 12 and cities >= 8
    assert len(after) == len(before), "\n\n".join(after)
    assert len(after_fresh) == len(before_fresh), "\n\n".join(after_fresh)
    assert len(counter_writes) == VISIT_COUNTER_WRITES


def test_the_chosen_lead_story_costs_no_read_of_its_own(demo):
    home = HomePage.objects.get(locale__language_code="vi")
    assert home.featured_article_id is not None  # the demo's seed article
    chosen, _ = measure()
    home.featured_article = None
    home.save_revision().publish()
    automatic, _ = measure()
    assert len(chosen) == len(automatic), "\n\n".join(chosen)


def test_the_english_home_page_reads_one_more_to_find_the_translation(demo):
    reads, _ = measure("/en/")  # Wagtail routes /en/ through the site root's translation
    assert len(reads) <= HOME_PAGE_READS + 1, "\n\n".join(reads)
