"""What a frontend relies on at the HTTP level: validators, caching, CORS, JSON errors."""

import pytest
from django.test import override_settings

from articles.models import ArticlePage

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")

PAGES = "/api/v3/pages/?type=articles.ArticlePage"


@pytest.fixture
def article(demo):
    return ArticlePage.objects.get(locale__language_code="vi", slug__startswith="day-manh")


def test_public_get_has_etag_cache_control_and_answers_304(demo, client):
    first = client.get(PAGES)
    assert first.status_code == 200
    assert first["ETag"]
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    again = client.get(PAGES, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_second_get_is_served_from_the_shared_cache(demo, client):
    client.get(PAGES)
    assert client.get(PAGES)["X-Cache"] == "hit"


def test_publishing_invalidates_listings_and_details(article, client):
    listing = client.get(PAGES)
    detail = client.get(f"/api/v3/pages/{article.pk}/")
    article.title = "Tiêu đề mới"
    article.save_revision().publish()
    new_listing = client.get(PAGES, HTTP_IF_NONE_MATCH=listing["ETag"])
    new_detail = client.get(f"/api/v3/pages/{article.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"])
    assert new_listing.status_code == 200
    titles = [item["title"] for item in new_listing.json()["items"]]
    assert "Tiêu đề mới" in titles
    assert new_detail.status_code == 200
    assert new_detail.json()["title"] == "Tiêu đề mới"


def test_unpublishing_removes_the_page_from_cached_listings(article, client):
    assert str(article.pk) in client.get(PAGES).content.decode()
    article.unpublish()
    ids = [item["id"] for item in client.get(PAGES).json()["items"]]
    assert article.pk not in ids
    assert client.get(f"/api/v3/pages/{article.pk}/").status_code == 404


def test_a_signed_in_session_is_never_cached_or_shared(demo, client, admin_user):
    client.force_login(admin_user)
    response = client.get("/api/v2/pages/")
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Cache" not in response


@override_settings(CORS_ALLOWED_ORIGINS=["https://huyen.example.gov.vn"])
def test_cors_allows_a_configured_origin(demo, client):
    response = client.get(PAGES, HTTP_ORIGIN="https://huyen.example.gov.vn")
    assert response["Access-Control-Allow-Origin"] == "https://huyen.example.gov.vn"
    preflight = client.options(
        "/api/v3/pages/",
        HTTP_ORIGIN="https://huyen.example.gov.vn",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://huyen.example.gov.vn"


@override_settings(CORS_ALLOWED_ORIGINS=["https://huyen.example.gov.vn"])
def test_cors_denies_any_other_origin(demo, client):
    response = client.get(PAGES, HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in response


def test_no_origin_is_allowed_by_default(demo, client):
    response = client.get(PAGES, HTTP_ORIGIN="https://huyen.example.gov.vn")
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("delete", "/api/v3/pages/", 405),
        ("get", "/api/v3/khong-co/", 404),
        ("get", "/api/v3/pages/999999/", 404),
        ("get", "/api/v3/pages/?limit=abc", 422),
        ("get", "/api/v3/pages/?type=khong.Co", 422),
    ],
)
def test_errors_are_json_problem_details_never_html(demo, client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["detail"]
