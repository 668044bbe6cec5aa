"""What a citizen sees when searching the demo site: the best match first, with or without
accents, a page title naming the query and the page, and no error whatever they type. On
SQLite and PostgreSQL (the suite runs on both)."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from articles.search import RANKED, search_pages
from demo.articles import SEED_SLUG

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_demo")]

SEARCH = "/tim-kiem/"


@pytest.fixture
def seed_title(db):
    return ArticlePage.objects.get(slug=SEED_SLUG).title


def _titles(client, query, **params):
    response = client.get(SEARCH, {"q": query, **params})
    assert response.status_code == 200
    return [hit["title"] for hit in response.context["hits"]]


def _page_title(response):
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    return unescape(match.group(1)).strip()


@pytest.mark.parametrize(
    "query", ["cải cách hành chính", "cai cach hanh chinh", "Cải Cách Hành Chính", "cải cách"]
)
def test_the_seed_article_comes_first(client, seed_title, query):
    assert _titles(client, query)[0] == seed_title


def test_a_result_without_a_summary_shows_the_start_of_its_text(client):
    response = client.get(SEARCH, {"q": "cải cách hành chính"})
    description = response.context["hits"][0]["description"]
    assert description.startswith("Những năm qua") and description.endswith("…")
    assert "<" not in description


def test_pages_with_the_phrase_in_their_title_come_before_the_others(client):
    titles = _titles(client, "cải cách hành chính")
    with_phrase = ["cải cách hành chính" in title.lower() for title in titles]
    assert with_phrase[:2] == [True, True]
    assert with_phrase == sorted(with_phrase, reverse=True)  # never a title without it above


def test_cai_cach_does_not_put_cai_be_above_reform(client):
    """ "Cái Bè" articles that also say "cách" somewhere match the folded words "cai cach";
    they come after every page whose title says "cải cách"."""
    titles = _titles(client, "cải cách")
    reform = [i for i, title in enumerate(titles) if "cải cách" in title.lower()]
    cai_be = [i for i, title in enumerate(titles) if "cái bè" in title.lower()]
    assert reform and cai_be
    assert max(reform) < min(cai_be)


@pytest.mark.parametrize("query", ["Cái Bè", "cai be"])
def test_a_place_name_finds_its_articles_first(client, query):
    """On PostgreSQL the folded "be" is not dropped as an English stop word."""
    titles = _titles(client, query)
    assert len(titles) >= 3
    assert all("Cái Bè" in title for title in titles[:3])


def test_the_results_title_names_the_query_and_the_page(client):
    response = client.get(SEARCH, {"q": "huyện"})
    first = _page_title(response)
    assert "“huyện”" in first and "2" not in first
    assert response.context["results"].paginator.num_pages > 1
    second = client.get(SEARCH, {"q": "huyện", "page": 2})
    assert "“huyện”" in _page_title(second) and " 2 · " in _page_title(second)
    assert 'aria-current="page">Trang 2 / ' in second.content.decode()
    first_page = {hit["url"] for hit in response.context["hits"]}
    assert first_page.isdisjoint(hit["url"] for hit in second.context["hits"])
    assert _page_title(client.get(SEARCH)) != first


def test_the_results_count_is_said(client):
    response = client.get(SEARCH, {"q": "cải cách hành chính"})
    count = response.context["results"].paginator.count
    assert count >= 2
    assert f"{count} kết quả cho “cải cách hành chính”" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "number"),
    [({"page": "abc"}, 1), ({"page": "99999"}, None), ({"page": "-1"}, None), ({}, 1)],
)
def test_bad_page_numbers_give_a_real_page(client, params, number):
    response = client.get(SEARCH, {"q": "huyện", **params})
    assert response.status_code == 200
    results = response.context["results"]
    assert results.number == (number or results.paginator.num_pages)
    assert response.context["hits"]


@pytest.mark.parametrize(
    "query",
    ['"', '"cải cách', "cải\x00cách", "khởi " * 400, '"' * 2000, "'; DROP TABLE x; --", "\x00"],
)
def test_odd_queries_never_fail(client, query):
    response = client.get(SEARCH, {"q": query, "page": "2"})
    assert response.status_code == 200
    assert len(_page_title(response)) < 200


def test_a_long_query_is_cut_in_the_title(client):
    title = _page_title(client.get(SEARCH, {"q": "cải cách " * 250}))
    assert "“cải cách cải cách" in title and "…”" in title


def test_the_query_count_does_not_grow_with_the_results(client):
    """One search, one count, one query per page type for the ranked pages."""

    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SEARCH, {"q": query}).status_code == 200
        return len(captured)

    few, many = queries("Cái Bè"), queries("huyện")
    assert len(search_pages("huyện")[:RANKED]) > len(search_pages("Cái Bè")[:RANKED])
    assert many <= few + 3  # at most a query more for each page type found in addition


def test_each_news_page_and_category_has_its_own_title(client):
    first = _page_title(client.get("/tin-tuc/"))
    assert first.startswith("Tin tức · ")
    second = _page_title(client.get("/tin-tuc/", {"page": 2}))
    assert second.startswith("Tin tức") and " 2 · " in second
    response = client.get("/tin-tuc/", {"category": "cai-cach-hanh-chinh"})
    filtered = _page_title(response)
    assert filtered.startswith("Tin tức") and "Cải cách hành chính · " in filtered
    assert len({first, second, filtered}) == 3
    unknown = client.get("/tin-tuc/", {"category": "khong-co", "page": "abc"})
    assert unknown.status_code == 200
    # The unknown category is shown as an error above the form: the title says so first.
    assert _page_title(unknown) == f"Lỗi: {first}"
