"""What no client input may do to the API: a huge offset, a write without its trailing slash
or a HEAD never ends in a 500, a redirect that drops the body, or a 405 for a readable URL."""

import pytest
from django.utils.html import escape

from articles.models import ArticlePage

pytestmark = pytest.mark.usefixtures("shared_demo", "db")

HUGE = "99999999999999999999"
PROBLEM = "application/problem+json"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/pages/",
        "/api/v3/images/",
        "/api/v3/documents/",
        "/api/v3/redirects/",
        "/api/v3/articles/",
        "/api/v3/stations/",
        "/api/v3/budget/documents/",
    ],
)
@pytest.mark.parametrize("offset", [HUGE, "9223372036854775808", "10000001"])
def test_a_huge_offset_on_any_v3_list_is_a_422_problem(client, path, offset):
    response = client.get(path, {"offset": offset})
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == 422
    assert any(error["loc"] == ["query", "offset"] for error in body["errors"])


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_a_huge_offset_on_a_v2_list_is_a_400(client, path):
    response = client.get(path, {"offset": HUGE})
    assert response.status_code == 400
    assert "offset" in response.json()["detail"]


def test_the_largest_accepted_offset_still_answers_an_empty_page(client):
    response = client.get("/api/v3/pages/", {"offset": "10000000"})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("limit", [HUGE, "101"])
def test_a_limit_above_the_cap_is_a_4xx(client, limit):
    response = client.get("/api/v3/pages/", {"limit": limit})
    assert response.status_code == 400
    assert "100" in response.json()["detail"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(
    "path", ["/api/v3/stats/hits", "/api/v3/pages", "/api/v3/stations/readings", "/api/v3/nope"]
)
def test_a_write_without_its_trailing_slash_is_a_404_problem_not_a_redirect(client, method, path):
    response = getattr(client, method)(path, '{"path": "/"}', content_type="application/json")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert "Location" not in response


def test_the_404_names_the_address_with_the_slash(client):
    response = client.post("/api/v3/stats/hits", "{}", content_type="application/json")
    assert "/api/v3/stats/hits/" in response.json()["detail"]


def test_a_get_without_its_slash_still_redirects(client):
    response = client.get("/api/v3/theme")
    assert response.status_code == 301
    assert response["Location"].endswith("/api/v3/theme/")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/pages/",
        "/api/v3/articles/",
        "/api/v3/stations/",
        "/api/v3/weather/",
        "/api/v3/theme/",
        "/api/v3/stats/",
        "/api/v3/budget/documents/",
        "/api/v3/openapi.json",
        "/api/v2/pages/",
    ],
)
def test_head_answers_wherever_get_does_with_the_same_headers(client, path):
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert head.get("ETag") == get.get("ETag")


def test_head_is_still_refused_where_get_is(client):
    response = client.head("/api/v3/stats/hits/")
    assert response.status_code == 405
    assert "POST" in response["Allow"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_api_address_no_route_matches_is_a_404_problem_not_a_page(client, method):
    # "AAA" is no page id: Wagtail's page serving would answer the POST with a CSRF 403.
    path = "/api/v3/articles/AAA/rating/"
    if method == "post":
        response = client.post(path, '{"score": 5}', content_type="application/json")
    else:
        response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


@pytest.mark.parametrize(
    "page_id, body",
    [
        ("root", {"destination_id": "root"}),
        ("home", {"destination_id": "root", "position": "left"}),
        ("home", {"destination_id": "root", "position": "last-sibling"}),
    ],
)
def test_moving_the_root_or_beside_it_is_a_client_error(client, db, page_id, body):
    from django.contrib.auth import get_user_model
    from wagtail.models import APIToken, Page

    admin = get_user_model().objects.create_superuser("mover", "mover@example.org", None)
    _token, plaintext = APIToken.create_token(user=admin, name="move")
    root = Page.get_first_root_node()
    home = root.get_children().first()
    ids = {"root": root.pk, "home": home.pk}
    body = {**body, "destination_id": ids[body["destination_id"]]}
    response = client.post(
        f"/api/v3/pages/{ids[page_id]}/actions/move/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert Page.get_first_root_node().pk == root.pk


def test_root_relative_filters_without_a_site_are_a_client_error(client):
    from wagtail.models import Site

    Site.objects.all().delete()
    for name in ("child_of", "descendant_of"):
        response = client.get("/api/v3/pages/", {name: "root"})
        assert response.status_code == 404
        assert "no root page" in response.json()["detail"]


def test_an_image_whose_file_is_gone_leaves_pages_and_the_api_answering(client):
    """A file lost from the storage (a failed copy, a bucket cleaned by hand) takes its image
    out of the home page's teasers and the API, not the whole page with a 500."""
    from tests.factories_articles import make_image

    newest = ArticlePage.objects.live().filter(locale__language_code="vi").order_by("-date")[0]
    image = make_image(title="Ảnh đã mất tệp")
    newest.hero_image = image
    newest.save_revision().publish()
    image.file.storage.delete(image.file.name)
    image.renditions.all().delete()

    home = client.get("/")
    assert home.status_code == 200
    assert escape(newest.title) in home.content.decode()
    listing = client.get("/api/v3/articles/?locale=vi&limit=100")
    assert listing.status_code == 200
    item = next(i for i in listing.json()["items"] if i["id"] == newest.pk)
    assert item["hero_image"] is None
    record = client.get(f"/api/v3/images/{image.pk}/")
    assert record.status_code == 200
    assert record.json()["renditions"] == []
    assert client.get(newest.url).status_code == 200
