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


@pytest.mark.parametrize(
    ("path", "max_age"),
    [
        ("/api/v3/stats/", 10),  # the visit counters move fast
        ("/api/v3/articles/", 60),
        ("/api/v3/stations/", 60),
        ("/api/v3/weather/", 300),
        ("/api/v3/budget/documents/", 300),
        ("/api/v3/theme/", 3600),
        ("/api/v3/openapi.json", 300),
        ("/api/v3/pages/", 60),
        ("/api/v2/pages/", 60),
    ],
)
def test_each_endpoint_says_how_long_a_cdn_may_keep_it(demo, client, path, max_age):
    assert client.get(path)["Cache-Control"] == f"public, max-age={max_age}"


def test_replacing_a_disclosures_file_shows_at_once_in_the_budget_listing(demo, client):
    from django.core.files.base import ContentFile

    from widgets.budget.models import BudgetDocument

    url = "/api/v3/budget/documents/"
    document = BudgetDocument.objects.filter(document__isnull=False).first().document
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    document.file.save("bao-cao-moi.pdf", ContentFile(b"%PDF-1.4 new"))
    fresh = client.get(url)
    assert "X-Cache" not in fresh
    urls = [item["file"]["url"] for item in fresh.json()["items"] if item["file"]]
    assert any("bao-cao-moi" in url for url in urls)
