"""Visitor statistics ("Thống kê: Đang truy cập, Hôm nay, Tổng lượt truy cập") on every page,
as on the seed page: in the footer, read at most once per PORTAL_STATS_CACHE_SECONDS (pages are
cached as long by the CDN anyway), labelled with the time they were read, and only when
shown."""

import datetime
import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.context_processors import site_statistics
from widgets.stats.counting import count_visit, request_statistics, seed_total

from .factories_articles import make_article, make_site

# Most tests build a small site of their own (no shared demo); the home page test builds the
# demo it needs.
pytestmark = pytest.mark.django_db
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 reader"}


def footer_stats(html):
    found = re.search(r'<section class="site-stats".*?</section>', html, re.S)
    return found.group(0) if found else None


def stats_queries(captured):
    return [q for q in captured.captured_queries if "FROM widgets_recentvisitor" in q["sql"]]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # the figures are shared through the cache
    yield
    cache.clear()


def figures_of(html):
    return dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", footer_stats(html)))


@pytest.fixture
def article(db):
    seed_total(613_887)
    return make_article(make_site()["news"], "Bài có thống kê")


def test_an_article_shows_the_statistics_in_the_readers_format(article, client):
    stats = footer_stats(client.get(article.url, **BROWSER).content.decode())
    assert stats is not None
    assert "Thống kê" in stats
    figures = figures_of(stats)
    assert figures == {"Đang truy cập": "0", "Hôm nay": "0", "Tổng lượt truy cập": "613.887"}
    assert re.search(r'<p class="site-stats__as-of">[^<]*\d\d:\d\d</p>', stats)


def test_a_counted_visit_shows_once_the_figures_are_read_again(article, client, settings):
    settings.PORTAL_STATS_CACHE_SECONDS = 60
    first = figures_of(client.get(article.url, **BROWSER).content.decode())
    count_visit("reader-1", "Mozilla/5.0 reader")  # what the page's beacon does
    within = figures_of(client.get(article.url, **BROWSER).content.decode())
    assert within == first, "read at most once a minute"
    later = timezone.now() + datetime.timedelta(seconds=61)
    with mock.patch("widgets.stats.counting.timezone.now", return_value=later):
        after = figures_of(client.get(article.url, **BROWSER).content.decode())
    assert after == {"Đang truy cập": "1", "Hôm nay": "1", "Tổng lượt truy cập": "613.888"}


def test_english_pages_show_english_labels_and_numbers(article, client):
    response = client.get("/en/does-not-exist/", **BROWSER)  # the English 404 has the frame
    stats = footer_stats(response.content.decode())
    assert stats is not None
    assert "Total visits" in stats and "613,887" in stats


def test_the_statistics_are_read_once_for_many_pages(article, client):
    with CaptureQueriesContext(connection) as captured:
        client.get(article.url, **BROWSER)
    assert len(stats_queries(captured)) == 1
    with CaptureQueriesContext(connection) as captured:
        client.get(article.url, **BROWSER)
        client.get("/en/does-not-exist/", **BROWSER)
    assert len(stats_queries(captured)) == 0, "from the shared cache"


def test_nothing_is_read_unless_a_template_shows_the_figures(db):
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as captured:
        context = site_statistics(request)
    assert len(captured) == 0
    with CaptureQueriesContext(connection) as captured:
        assert context["stats"]["total"] == "0"
        first = request_statistics(request)
        assert request_statistics(request) is first
    assert len(captured) == 1, "the footer and a statistics block share one read"


def test_the_home_page_shows_them_once_in_its_side_column(demo, client):
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/", **BROWSER).content.decode()
    assert footer_stats(html) is None
    assert html.count('class="widget widget-stats"') == 1
    assert len(stats_queries(captured)) <= 1


def test_a_database_error_leaves_the_page_without_the_figures(article, client, caplog):
    with mock.patch(
        "home.context_processors.request_statistics", side_effect=DatabaseError("gone")
    ):
        response = client.get(article.url, **BROWSER)
    assert response.status_code == 200
    assert footer_stats(response.content.decode()) is None
    assert "Could not read the visitor statistics" in caplog.text
