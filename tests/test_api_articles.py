"""/api/v3/articles/, as a frontend developer uses it (ratings: tests/test_api_ratings.py)."""

import datetime

import pytest
from django.core.cache import cache

from articles.models import ArticlePage
from tests.factories_articles import make_article, make_category, make_image, make_site

URL = "/api/v3/articles/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def site(db):
    site = make_site()
    reform = make_category("Cải cách hành chính", "cai-cach-hanh-chinh")
    farming = make_category("Nông nghiệp", "nong-nghiep")
    image = make_image()
    make_article(
        site["news"],
        "Đẩy mạnh cải cách hành chính",
        date=datetime.date(2021, 10, 12),
        categories=[reform],
        summary="Tỉnh ban hành Nghị quyết 09-NQ/TU.",
        hero_image=image,
    )
    make_article(
        site["news"], "Hạn mặn đầu mùa", date=datetime.date(2021, 9, 1), categories=[farming]
    )
    make_article(site["news"], "Lúa thu đông", date=datetime.date(2021, 8, 5), categories=[farming])
    return site


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_listing_is_newest_first_with_what_a_frontend_needs(site, client):
    response = client.get(URL)
    data = response.json()
    assert data["count"] == 3
    assert titles(response) == ["Đẩy mạnh cải cách hành chính", "Hạn mặn đầu mùa", "Lúa thu đông"]
    first = data["items"][0]
    assert first["date"] == "2021-10-12"
    assert first["summary"] == "Tỉnh ban hành Nghị quyết 09-NQ/TU."
    assert first["categories"] == [
        {
            "id": first["categories"][0]["id"],
            "name": "Cải cách hành chính",
            "slug": "cai-cach-hanh-chinh",
        }
    ]
    assert first["url"].startswith("http://") and first["url"].endswith(
        "/tin-tuc/day-manh-cai-cach-hanh-chinh/"
    )
    image = first["hero_image"]
    assert image["alt"] == "Cánh đồng lúa xanh"
    assert [r["filter"] for r in image["renditions"]] == ["width-400", "width-800", "width-1600"]
    assert all(r["url"] and r["width"] and r["height"] for r in image["renditions"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=nong-nghiep", ["Hạn mặn đầu mùa", "Lúa thu đông"]),
        ("date_from=2021-09-01", ["Đẩy mạnh cải cách hành chính", "Hạn mặn đầu mùa"]),
        ("date_to=2021-09-01", ["Hạn mặn đầu mùa", "Lúa thu đông"]),
        ("date_from=2021-08-01&date_to=2021-08-31", ["Lúa thu đông"]),
        ("search=cai cach hanh chinh", ["Đẩy mạnh cải cách hành chính"]),
        ("search=cải cách hành chính", ["Đẩy mạnh cải cách hành chính"]),
        ("search=HAN MAN", ["Hạn mặn đầu mùa"]),
        ("locale=en", []),
        ("limit=1&offset=1", ["Hạn mặn đầu mùa"]),
    ],
)
def test_filters(site, client, query, expected):
    assert titles(client.get(f"{URL}?{query}")) == expected


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=101",
        "limit=abc",
        "offset=-1",
        "date_from=12/10/2021",
        "date_from=2021-10-01&date_to=2021-09-01",
        "locale=fr",
        "search=" + "x" * 201,
    ],
)
def test_bad_filters_are_422_problem_json(site, client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["errors"]


def test_drafts_never_appear(site, client):
    draft = ArticlePage(title="Bản nháp", slug="ban-nhap", date=datetime.date(2022, 1, 1))
    site["news"].add_child(instance=draft)
    draft.save_revision()
    draft.unpublish()
    assert "Bản nháp" not in titles(client.get(URL))


def test_queries_do_not_grow_with_the_page_size(site, client, django_assert_max_num_queries):
    image = make_image(title="Ảnh 2")
    for number in range(25):
        make_article(site["news"], f"Tin số {number}", hero_image=image)
    client.get(f"{URL}?limit=100")  # renditions are made on first use
    with django_assert_max_num_queries(8) as ten:
        client.get(f"{URL}?limit=10&a=1")
    with django_assert_max_num_queries(8) as hundred:
        client.get(f"{URL}?limit=100&a=2")
    assert len(hundred.captured_queries) == len(ten.captured_queries)

