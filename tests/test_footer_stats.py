"""Visitor statistics ("Thống kê: Đang truy cập, Hôm nay, Tổng lượt truy cập") on every page,
as on the seed page: in the footer, read once per request and only when shown."""

import re
from unittest import mock

import pytest
from django.db import DatabaseError, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from home.context_processors import site_statistics
from widgets.stats.counting import request_statistics, seed_total

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


@pytest.fixture
def article(db):
    seed_total(613_887)
    return make_article(make_site()["news"], "Bài có thống kê")


def test_an_article_shows_the_statistics_in_the_readers_format(article, client):
    stats = footer_stats(client.get(article.url, **BROWSER).content.decode())
    assert stats is not None
    assert "Thống kê" in stats
    figures = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", stats))
    # The view being rendered is counted after the response: the figures before it.
    assert figures == {"Đang truy cập": "0", "Hôm nay": "0", "Tổng lượt truy cập": "613.887"}
    again = footer_stats(client.get(article.url, **BROWSER).content.decode())
    figures = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", again))
    assert figures == {"Đang truy cập": "1", "Hôm nay": "1", "Tổng lượt truy cập": "613.888"}


def test_english_pages_show_english_labels_and_numbers(article, client):
    response = client.get("/en/does-not-exist/", **BROWSER)  # the English 404 has the frame
    stats = footer_stats(response.content.decode())
    assert stats is not None
    assert "Total visits" in stats and "613,887" in stats


def test_the_statistics_are_read_in_one_query_per_page(article, client):
    client.get(article.url, **BROWSER)
    with CaptureQueriesContext(connection) as captured:
        client.get(article.url, **BROWSER)
    assert len(stats_queries(captured)) == 1


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
    html = client.get("/", **BROWSER).content.decode()
    assert footer_stats(html) is None
    assert html.count('class="widget widget-stats"') == 1
    with CaptureQueriesContext(connection) as captured:
        client.get("/", **BROWSER)
    assert len(stats_queries(captured)) == 1


def test_a_database_error_leaves_the_page_without_the_figures(article, client, caplog):
    with mock.patch(
        "home.context_processors.request_statistics", side_effect=DatabaseError("gone")
    ):
        response = client.get(article.url, **BROWSER)
    assert response.status_code == 200
    assert footer_stats(response.content.decode()) is None
    assert "Could not read the visitor statistics" in caplog.text
