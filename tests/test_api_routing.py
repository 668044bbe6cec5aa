"""Find by path in every language, and editors' redirects, as a frontend's router uses them:
for each path a reader opens it asks the API what is there."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from tests.factories_articles import make_article, make_site, translate

V3 = "/api/v3/pages/find/"
V2 = "/api/v2/pages/find/"
ROUTES = "/api/v3/routes/"


@pytest.fixture
def site(db):
    site = make_site()
    site["article"] = make_article(site["news"], "Đẩy mạnh cải cách hành chính")
    site["en_home"] = translate(site["home"], title="Home", slug="home")
    site["en_news"] = translate(site["news"], title="News", slug="news")
    site["en_article"] = translate(
        site["article"], title="Administrative reform", slug="administrative-reform"
    )
    return site


def found_id(response):
    """The page id that find/ answered with (it redirects to the page's detail)."""
    assert response.status_code == 302, response.content
    return int(response["Location"].split("/pages/")[1].split("/")[0])


@pytest.mark.parametrize("find", [V3, V2])
@pytest.mark.parametrize(
    ("html_path", "key"),
    [
        ("/", "home"),
        ("/tin-tuc/", "news"),
        ("/tin-tuc/day-manh-cai-cach-hanh-chinh/", "article"),
        ("/en/", "en_home"),
        ("/en/news/", "en_news"),
        ("/en/news/administrative-reform/", "en_article"),
        ("/en/news/administrative-reform", "en_article"),
    ],
)
def test_find_by_path_answers_every_language(site, client, find, html_path, key):
    assert found_id(client.get(find, {"html_path": html_path})) == site[key].pk


def test_the_found_english_page_is_the_english_one(site, client):
    response = client.get(V3, {"html_path": "/en/news/"}, follow=True)
    assert response.status_code == 200
    assert response.json()["title"] == "News"
    assert response.json()["meta"]["locale"] == "en"


@pytest.mark.parametrize("find", [V3, V2])
@pytest.mark.parametrize("html_path", ["/en/tin-tuc/", "/news/", "/vi/tin-tuc/", "/fr/news/"])
def test_a_path_the_site_does_not_serve_is_not_found(site, client, find, html_path):
    assert client.get(find, {"html_path": html_path}).status_code == 404


def test_routes_names_the_page_in_its_language(site, client):
    data = client.get(ROUTES, {"html_path": "/en/news/administrative-reform/"}).json()
    assert data["kind"] == "page"
    assert data["redirect"] is None
    page = data["page"]
    assert page["id"] == site["en_article"].pk
    assert page["type"] == "articles.ArticlePage"
    assert page["locale"] == "en"
    assert page["html_url"].endswith("/en/news/administrative-reform/")
    assert page["detail_url"].endswith(f"/api/v3/pages/{site['en_article'].pk}/")
    vi = client.get(ROUTES, {"html_path": "/tin-tuc/"}).json()
    assert (vi["kind"], vi["page"]["id"], vi["page"]["locale"]) == ("page", site["news"].pk, "vi")


@pytest.fixture
def redirects(site):
    return {
        "moved": Redirect.objects.create(
            old_path="/tin-cu", redirect_page=site["news"], is_permanent=True
        ),
        "temporary": Redirect.objects.create(
            old_path="/en/old-news", redirect_page=site["en_news"], is_permanent=False
        ),
        "external": Redirect.objects.create(
            old_path="/cong-dich-vu", redirect_link="https://dichvucong.gov.vn/", is_permanent=True
        ),
    }


@pytest.mark.parametrize(
    ("html_path", "location", "permanent", "status"),
    [
        ("/tin-cu", "/tin-tuc/", True, 301),
        ("/tin-cu/", "/tin-tuc/", True, 301),
        ("/tin-cu?trang=2", "/tin-tuc/", True, 301),
        ("/en/old-news/", "/en/news/", False, 302),
        ("/cong-dich-vu", "https://dichvucong.gov.vn/", True, 301),
    ],
)
def test_an_editors_redirect_tells_the_frontend_where_to_send_the_reader(
    redirects, client, html_path, location, permanent, status
):
    data = client.get(ROUTES, {"html_path": html_path}).json()
    assert data["kind"] == "redirect"
    assert data["page"] is None
    assert data["redirect"]["location"] == location
    assert data["redirect"]["permanent"] is permanent
    assert data["redirect"]["status_code"] == status


def test_wagtails_find_answers_a_redirect_with_a_problem_naming_its_target(redirects, client):
    response = client.get(V3, {"html_path": "/tin-cu"})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["redirect"]["location"] == "/tin-tuc/"
    assert body["redirect"]["status_code"] == 301
    assert "/tin-tuc/" in body["detail"]


def test_wagtails_redirects_endpoint_is_public_for_reading(redirects, client):
    response = client.get("/api/v3/redirects/find/", {"html_path": "/tin-cu"}, follow=True)
    assert response.status_code == 200
    assert response.json()["redirect_page_id"] == redirects["moved"].redirect_page_id


@pytest.mark.parametrize("html_path", ["/khong-co/", "/en/nothing/"])
def test_nothing_at_a_path_is_a_404_problem(site, client, html_path):
    response = client.get(ROUTES, {"html_path": html_path})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")


def test_drafts_and_private_pages_are_never_routed(site, client):
    site["en_article"].unpublish()
    PageViewRestriction.objects.create(
        page=site["article"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for path in ("/en/news/administrative-reform/", "/tin-tuc/day-manh-cai-cach-hanh-chinh/"):
        assert client.get(ROUTES, {"html_path": path}).status_code == 404
        assert client.get(V3, {"html_path": path}).status_code == 404
        assert client.get(V2, {"html_path": path}).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"html_path": ""},
        {"html_path": "tin-tuc"},
        {"html_path": "/" + "a" * 2001},
        {"html_path": "/tin-tuc/", "lang": "en"},
    ],
)
def test_bad_route_queries_are_4xx_problems(site, client, query):
    response = client.get(ROUTES, query)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("html_path", ["/tin-tuc/\x00", "/%00/", "/en/news/'\"<>", "/" * 300])
def test_odd_paths_never_give_a_server_error(site, client, html_path):
    for url in (ROUTES, V3, V2):
        assert client.get(url, {"html_path": html_path}).status_code < 500
