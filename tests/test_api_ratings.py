"""Article ratings through the API, /api/v3/articles/{id}/rating/, as a frontend developer
uses them, and as an abuser would try to: JSON only, own or allowed origins only, one vote per
server-issued visitor identity, a cap on new voters per address."""

import threading

import pytest
from django.db import connection
from django.test import Client, override_settings

from articles.models import ArticlePage, ArticleRating
from headless.visitors import new_token
from tests.factories_articles import make_article, make_site

URL = "/api/v3/articles/"
VISITOR_URL = "/api/v3/visitor/"
COOKIE_NAME = "portal_visitor"  # PORTAL_VISITOR_COOKIE's default


@pytest.fixture
def site(db):
    site = make_site()
    make_article(site["news"], "Đẩy mạnh cải cách hành chính")
    return site


@pytest.fixture
def article(site):
    return ArticlePage.objects.get(slug="day-manh-cai-cach-hanh-chinh")


def rating_url(page):
    return f"{URL}{page.pk}/rating/"


def post(client, url, body, **extra):
    return client.post(
        url, body, content_type=extra.pop("content_type", "application/json"), **extra
    )


def token(client=None):
    response = (client or Client()).post(VISITOR_URL, "", content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()["token"]


def test_a_frontend_gets_a_visitor_token_and_votes_with_it(article, client):
    body = client.post(VISITOR_URL, content_type="application/json").json()
    assert body["header"] == "X-Portal-Visitor"
    assert len(body["token"]) <= 128
    response = post(client, rating_url(article), {"score": 4, "visitor": body["token"]})
    assert response.status_code == 200
    assert response.json() == {"page_id": article.pk, "average": 4.0, "count": 1}
    # the same token in the header is the same reader: the vote is replaced
    post(client, rating_url(article), {"score": 2}, HTTP_X_PORTAL_VISITOR=body["token"])
    assert client.get(rating_url(article)).json() == {
        "page_id": article.pk,
        "average": 2.0,
        "count": 1,
    }
    assert body["token"] not in ArticleRating.objects.get().visitor_hash


def test_rating_starts_at_zero_and_counts_votes(article, client):
    assert client.get(rating_url(article)).json() == {
        "page_id": article.pk,
        "average": 0.0,
        "count": 0,
    }
    post(client, rating_url(article), {"score": 5, "visitor": token()})
    response = post(client, rating_url(article), {"score": 4, "visitor": token()})
    assert response.status_code == 200
    assert response.json() == {"page_id": article.pk, "average": 4.5, "count": 2}


@pytest.mark.parametrize("made_up", ["a", "reader-1", "x" * 128, new_token() + "x"])
def test_a_made_up_visitor_string_is_refused_and_makes_no_voter(article, client, made_up):
    response = post(client, rating_url(article), {"score": 1, "visitor": made_up})
    assert response.status_code == 400
    assert "POST /api/v3/visitor/" in response.json()["detail"]
    response = post(client, rating_url(article), {"score": 1}, HTTP_X_PORTAL_VISITOR=made_up)
    assert response.status_code == 400
    assert not ArticleRating.objects.exists()


def test_without_a_token_the_server_issues_a_signed_httponly_cookie(article, client):
    first = post(client, rating_url(article), {"score": 2}, REMOTE_ADDR="203.0.113.7")
    assert first.status_code == 200
    cookie = first.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    # the browser sends it back: the same reader, the vote is replaced, no new cookie
    second = post(client, rating_url(article), {"score": 3}, REMOTE_ADDR="203.0.113.7")
    assert COOKIE_NAME not in second.cookies
    stored = ArticleRating.objects.get()
    assert stored.score == 3
    assert "203.0.113.7" not in stored.visitor_hash


def test_a_forged_cookie_is_not_an_identity(article):
    client = Client()
    client.cookies[COOKIE_NAME] = "my-own-choice"
    response = post(client, rating_url(article), {"score": 2})
    assert response.status_code == 200
    assert response.cookies[COOKIE_NAME].value != "my-own-choice"  # a real one replaces it


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("score=1", "application/x-www-form-urlencoded"),
        ('{"score": 1}', "text/plain"),
        ('{"score": 1}', "multipart/form-data; boundary=x"),
        ('{"score": 1}', ""),
    ],
)
def test_only_json_bodies_are_accepted(article, client, body, content_type):
    response = post(client, rating_url(article), body, content_type=content_type)
    assert response.status_code == 415
    assert response["Content-Type"].startswith("application/problem+json")
    assert "application/json" in response.json()["detail"]
    assert not ArticleRating.objects.exists()


def test_a_foreign_origin_is_refused(article, client):
    response = post(client, rating_url(article), {"score": 1}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert response.json()["detail"]
    response = post(client, rating_url(article), {"score": 1}, HTTP_ORIGIN="null")
    assert response.status_code == 403
    assert not ArticleRating.objects.exists()


def test_the_sites_own_origin_is_accepted(article, client):
    response = post(client, rating_url(article), {"score": 5}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200


@override_settings(CORS_ALLOWED_ORIGINS=["https://huyen.example.vn"])
def test_an_allowed_cors_origin_is_accepted(article, client):
    response = post(
        client,
        rating_url(article),
        {"score": 5, "visitor": token()},
        HTTP_ORIGIN="https://huyen.example.vn",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://huyen.example.vn"


def test_sixty_new_voters_from_one_address_count_only_ten(article, client):
    responses = [
        post(client, rating_url(article), {"score": 1, "visitor": new_token()}) for _ in range(60)
    ]
    answers = [response.status_code for response in responses]
    assert answers.count(200) == 10
    assert answers.count(429) == 50
    assert client.get(rating_url(article)).json()["count"] == 10
    refused = responses[-1]
    assert int(refused["Retry-After"]) > 0
    assert "network" in refused.json()["detail"]
    # another address (another office) still votes
    other_voter = {"score": 5, "visitor": new_token()}
    other = post(client, rating_url(article), other_voter, REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 200
    assert other.json()["count"] == 11


@override_settings(PORTAL_NEW_VOTES_PER_ADDRESS="3/h", PORTAL_RATE_LIMITS={})
def test_the_new_voter_cap_is_configurable_and_voters_may_change_their_vote(article, client):
    voters = [new_token() for _ in range(4)]
    assert [
        post(client, rating_url(article), {"score": 2, "visitor": v}).status_code for v in voters
    ] == [200, 200, 200, 429]
    # a reader who has voted may still change the vote
    changed = post(client, rating_url(article), {"score": 5, "visitor": voters[0]})
    assert changed.status_code == 200
    assert changed.json() == {"page_id": article.pk, "average": 3.0, "count": 3}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"score": 0}, 422),
        ({"score": 6}, 422),
        ({"score": "abc"}, 422),
        ({"score": 3.5}, 422),
        ({"score": True}, 422),
        ({"score": "5"}, 422),
        ({"score": 6.0}, 422),
        ({}, 422),
        ({"score": 3, "visitor": ""}, 422),
        ({"score": 3, "visitor": "v" * 129}, 422),
        ("{not json", 400),
    ],
)
def test_bad_rating_bodies_are_4xx_problem_json(article, client, body, status):
    response = post(client, rating_url(article), body)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["detail"]
    assert not ArticleRating.objects.exists()


def test_a_whole_score_written_as_a_float_counts(article, client):
    # 4.0 is an integer to JSON Schema (and to every JSON library that writes floats).
    response = post(client, rating_url(article), {"score": 4.0})
    assert response.status_code == 200
    assert response.json()["average"] == 4.0


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
    v1, v2 = new_token(), new_token()
    for _ in range(2):
        assert post(client, rating_url(article), {"score": 3, "visitor": v1}).status_code == 200
    limited = post(client, rating_url(article), {"score": 3, "visitor": v1})
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert post(client, rating_url(article), {"score": 3, "visitor": v2}).status_code == 429  # ip


def test_a_vote_refreshes_the_cached_rating(article, client):
    first = client.get(rating_url(article))
    post(client, rating_url(article), {"score": 4, "visitor": token()})
    again = client.get(rating_url(article), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["count"] == 1


def test_visitor_tokens_are_json_or_empty_posts_from_allowed_origins(db, client):
    assert client.get(VISITOR_URL).status_code == 405
    assert client.post(VISITOR_URL, "x=1", content_type="text/plain").status_code == 415
    foreign = client.post(
        VISITOR_URL, "", content_type="application/json", HTTP_ORIGIN="https://evil.example"
    )
    assert foreign.status_code == 403
    assert client.post(VISITOR_URL, "", content_type="").status_code == 201  # fetch, no body
    answer = client.post(VISITOR_URL, "{}", content_type="application/json")
    assert answer.status_code == 201


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(PORTAL_RATE_LIMITS={"rating": {"ip": "", "visitor": ""}})
@override_settings(PORTAL_NEW_VOTES_PER_ADDRESS="")
def test_concurrent_votes_give_an_exact_average_and_count(on_postgres):
    site = make_site()
    article = make_article(site["news"], "Bài được đánh giá")
    voters = 500
    scores = [(n % 5) + 1 for n in range(voters)]
    tokens = [new_token() for _ in range(voters)]
    errors = []

    def vote(numbers):
        client = Client()
        try:
            for n in numbers:
                response = post(
                    client, rating_url(article), {"score": scores[n], "visitor": tokens[n]}
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
