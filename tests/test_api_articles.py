"""/api/v3/articles/ and article ratings, as a frontend developer uses them."""

import datetime
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings

from articles.models import ArticlePage, ArticleRating
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


def rating_url(page):
    return f"{URL}{page.pk}/rating/"


@pytest.fixture
def article(site):
    return ArticlePage.objects.get(slug="day-manh-cai-cach-hanh-chinh")


def post(client, url, body, **extra):
    return client.post(
        url, body, content_type=extra.pop("content_type", "application/json"), **extra
    )


def test_rating_starts_at_zero_and_counts_votes(article, client):
    assert client.get(rating_url(article)).json() == {
        "page_id": article.pk,
        "average": 0.0,
        "count": 0,
    }
    post(client, rating_url(article), {"score": 5, "visitor": "a"})
    response = post(client, rating_url(article), {"score": 4, "visitor": "b"})
    assert response.status_code == 200
    assert response.json() == {"page_id": article.pk, "average": 4.5, "count": 2}


def test_a_new_vote_replaces_the_old_one(article, client):
    post(client, rating_url(article), {"score": 1, "visitor": "same"})
    post(client, rating_url(article), {"score": 5, "visitor": "same"})
    assert client.get(rating_url(article)).json()["average"] == 5.0
    assert ArticleRating.objects.count() == 1
    assert "same" not in ArticleRating.objects.get().visitor_hash  # only a hash is stored


def test_without_a_visitor_id_the_reader_is_derived_not_stored(article, client):
    post(client, rating_url(article), {"score": 2}, REMOTE_ADDR="203.0.113.7")
    post(client, rating_url(article), {"score": 3}, REMOTE_ADDR="203.0.113.7")
    stored = ArticleRating.objects.get()
    assert stored.score == 3
    assert "203.0.113.7" not in stored.visitor_hash


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ({"score": 0}, "application/json", 422),
        ({"score": 6}, "application/json", 422),
        ({"score": "abc"}, "application/json", 422),
        ({"score": 3.5}, "application/json", 422),
        ({"score": True}, "application/json", 422),
        ({}, "application/json", 422),
        ({"score": 3, "visitor": ""}, "application/json", 422),
        ({"score": 3, "visitor": "v" * 129}, "application/json", 422),
        ("{not json", "application/json", 400),
        ("score=3", "application/x-www-form-urlencoded", 400),
    ],
)
def test_bad_rating_bodies_are_4xx_problem_json(article, client, body, content_type, status):
    response = post(client, rating_url(article), body, content_type=content_type)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["detail"]
    assert not ArticleRating.objects.exists()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_a_huge_body_is_refused(article, client):
    response = post(client, rating_url(article), '{"score": 3, "visitor": "' + "x" * 5000 + '"}')
    assert response.status_code in (400, 413)
    assert not ArticleRating.objects.exists()


def test_unpublished_and_non_article_pages_cannot_be_rated(article, site, client):
    assert post(client, rating_url(site["home"]), {"score": 3}).status_code == 404
    article.unpublish()
    assert post(client, rating_url(article), {"score": 3}).status_code == 404
    assert client.get(rating_url(article)).status_code == 404
    assert post(client, f"{URL}999999/rating/", {"score": 3}).status_code == 404


@override_settings(PORTAL_RATE_LIMITS={"rating": {"ip": "3/m", "visitor": "2/m"}})
def test_ratings_are_rate_limited_per_visitor_and_per_address(article, client):
    for _ in range(2):
        assert post(client, rating_url(article), {"score": 3, "visitor": "v1"}).status_code == 200
    limited = post(client, rating_url(article), {"score": 3, "visitor": "v1"})
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert post(client, rating_url(article), {"score": 3, "visitor": "v2"}).status_code == 429  # ip


def test_a_vote_refreshes_the_cached_rating(article, client):
    first = client.get(rating_url(article))
    post(client, rating_url(article), {"score": 4, "visitor": "z"})
    again = client.get(rating_url(article), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["count"] == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(PORTAL_RATE_LIMITS={"rating": {"ip": "", "visitor": ""}})
def test_concurrent_votes_give_an_exact_average_and_count(on_postgres):
    from django.test import Client

    site = make_site()
    article = make_article(site["news"], "Bài được đánh giá")
    voters = 500
    scores = [(n % 5) + 1 for n in range(voters)]
    errors = []

    def vote(numbers):
        client = Client()
        try:
            for n in numbers:
                response = post(
                    client, rating_url(article), {"score": scores[n], "visitor": f"r{n}"}
                )
                if response.status_code != 200:
                    errors.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=vote, args=(range(t, voters, 10),)) for t in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    summary = Client().get(rating_url(article) + "?after=1").json()
    assert summary["count"] == voters
    assert summary["average"] == round(sum(scores) / voters, 2)


def test_theme_tokens_match_the_site_and_meet_their_ratios(db, client):
    data = client.get("/api/v3/theme/").json()
    assert set(data) == {"normal", "high"}
    for pair in data["high"]["pairs"]:
        assert pair["ratio"] >= pair["required"]
        if pair["role"] == "text":
            assert pair["ratio"] >= 7
    assert data["high"]["colours"]["background"] == "#000000"
