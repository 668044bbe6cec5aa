"""The shared API cache is right: one entry per site, language and query; a visit does not
throw away cached pages; a cached answer carries the same headers as a fresh one; the API
speaks the language the client asks for."""

import datetime

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Page, Site

from home.models import HomePage

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
MAIN_HOST = "127.0.0.1"  # the demo's default site
DISTRICT_HOST = "localhost"


@pytest.fixture
def district_site(demo):
    """A second Site on the same installation, rooted at the news index."""
    news = Page.objects.get(slug="tin-tuc", locale__language_code="vi")
    return Site.objects.create(hostname=DISTRICT_HOST, port=80, root_page=news, site_name="Huyện")


@pytest.fixture
def home(demo):
    return HomePage.objects.get(locale__language_code="vi")


def ids(response):
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize("listing", ["/api/v3/pages/?limit=100", "/api/v2/pages/?limit=100"])
def test_two_sites_never_see_each_others_cached_page_lists(district_site, home, client, listing):
    main = ids(client.get(listing, HTTP_HOST=MAIN_HOST))
    assert home.pk in main
    district = client.get(listing, HTTP_HOST=DISTRICT_HOST)
    assert "X-Cache" not in district, "the other site's answer was served"
    assert home.pk not in ids(district)
    assert district_site.root_page_id in ids(district)
    # Each site's answer is cached on its own.
    again = client.get(listing, HTTP_HOST=DISTRICT_HOST)
    assert again["X-Cache"] == "hit" and ids(again) == ids(district)
    assert home.pk in ids(client.get(listing, HTTP_HOST=MAIN_HOST))


def beacon(client):
    response = client.post(
        "/api/v3/stats/hits/",
        '{"path": "/"}',
        content_type="application/json",
        HTTP_USER_AGENT=BROWSER,
        HTTP_ORIGIN=f"http://{MAIN_HOST}",
        HTTP_HOST=MAIN_HOST,
    )
    assert response.status_code == 202, response.content
    assert response.json() == {"counted": True}


def test_a_visit_keeps_cached_pages_and_listings_but_shows_in_the_statistics(home, client):
    urls = [
        f"/api/v3/pages/{home.pk}/",
        f"/api/v2/pages/{home.pk}/",
        "/api/v3/pages/?limit=100",
        "/api/v2/pages/",
        "/api/v3/articles/",
    ]
    etags = {url: client.get(url, HTTP_HOST=MAIN_HOST)["ETag"] for url in urls}
    stats = client.get("/api/v3/stats/", HTTP_HOST=MAIN_HOST)
    beacon(client)
    # The page itself counts nothing (it may come from a CDN): its beacon does.
    client.get("/", HTTP_USER_AGENT=BROWSER, HTTP_HOST=MAIN_HOST)
    for url, etag in etags.items():
        again = client.get(url, HTTP_HOST=MAIN_HOST, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304, f"{url} was invalidated by a visit"
    fresh = client.get("/api/v3/stats/", HTTP_HOST=MAIN_HOST, HTTP_IF_NONE_MATCH=stats["ETag"])
    assert fresh.status_code == 200
    assert fresh.json()["total"] == stats.json()["total"] + 1  # the beacon


def test_the_home_page_document_says_when_its_visitor_figures_were_read(home, client):
    body = client.get(f"/api/v3/pages/{home.pk}/", HTTP_HOST=MAIN_HOST).json()["body"]
    (statistics,) = [block["value"] for block in body if block["type"] == "statistics"]
    assert statistics["total"] >= 613_887
    assert datetime.datetime.fromisoformat(statistics["as_of"]).tzinfo is not None


def test_data_a_page_shows_still_invalidates_it(home, client):
    url = f"/api/v3/pages/{home.pk}/"
    etag = client.get(url, HTTP_HOST=MAIN_HOST)["ETag"]
    home.intro = "Chào mừng bạn đọc"
    home.save_revision().publish()
    changed = client.get(url, HTTP_HOST=MAIN_HOST, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed.json()["intro"] == "Chào mừng bạn đọc"


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Cross-Origin-Opener-Policy",
    "Content-Type",
    "Content-Language",
    "Vary",
    "Cache-Control",
    "ETag",
)
DISTRICT = "https://huyen.example.gov.vn"
DATA_HUB = "https://dulieu.example.gov.vn"


@override_settings(CORS_ALLOWED_ORIGINS=[DISTRICT, DATA_HUB])
@pytest.mark.parametrize(
    "url", ["/api/v3/pages/?limit=5", "/api/v2/pages/", "/api/v3/weather/", "/api/v3/articles/"]
)
def test_a_cached_answer_carries_the_same_headers_as_a_fresh_one(demo, client, url):
    fresh = client.get(url, HTTP_HOST=MAIN_HOST, HTTP_ORIGIN=DISTRICT)
    cached = client.get(url, HTTP_HOST=MAIN_HOST, HTTP_ORIGIN=DISTRICT)
    assert "X-Cache" not in fresh and cached["X-Cache"] == "hit"
    for name in SECURITY_HEADERS:
        assert name in fresh, name
        assert cached.get(name) == fresh[name], name
    ignored = {"x-cache", "date"}
    assert {n.lower() for n in cached.headers} - ignored == {n.lower() for n in fresh.headers}
    assert cached["Access-Control-Allow-Origin"] == DISTRICT
    # CORS is decided for each request's own Origin, never replayed from the cached one.
    other = client.get(url, HTTP_HOST=MAIN_HOST, HTTP_ORIGIN=DATA_HUB)
    assert other["X-Cache"] == "hit"
    assert other["Access-Control-Allow-Origin"] == DATA_HUB
    foreign = client.get(url, HTTP_HOST=MAIN_HOST, HTTP_ORIGIN="https://evil.example.com")
    assert foreign["X-Cache"] == "hit"
    assert "Access-Control-Allow-Origin" not in foreign


def weather(client, accept=None, query=""):
    extra = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get(f"/api/v3/weather/{query}", HTTP_HOST=MAIN_HOST, **extra)
    assert response.status_code == 200
    assert "Accept-Language" in response["Vary"]
    return response


@pytest.mark.parametrize(
    ("accept", "language", "hanoi"),
    [
        (None, "vi", "Hà Nội"),
        ("en", "en", "Hanoi"),
        ("en-US,en;q=0.9,vi;q=0.5", "en", "Hanoi"),
        ("fr-FR, vi;q=0.8, en;q=0.5", "vi", "Hà Nội"),
        ("de", "vi", "Hà Nội"),
        ("vi-VN", "vi", "Hà Nội"),
    ],
)
def test_the_api_answers_in_the_language_the_client_accepts(demo, client, accept, language, hanoi):
    for _round in ("fresh", "cached"):
        response = weather(client, accept)
        assert response["Content-Language"] == language
        body = response.json()
        assert body["locale"] == language
        assert body["cities"][0]["name"] == hanoi


def test_english_and_vietnamese_readers_get_their_own_cached_answers(demo, client):
    assert weather(client, "en").json()["cities"][0]["name"] == "Hanoi"
    vietnamese = weather(client, "vi")
    assert vietnamese.json()["cities"][0]["name"] == "Hà Nội"
    assert weather(client, "en")["X-Cache"] == "hit"
    assert weather(client, "en").json()["cities"][0]["name"] == "Hanoi"


def test_the_locale_parameter_wins_over_accept_language(demo, client):
    response = weather(client, "en", "?locale=vi")
    assert response.json()["locale"] == "vi"
    assert response["Content-Language"] == "vi"
    assert weather(client, "vi", "?locale=en").json()["locale"] == "en"


@pytest.mark.parametrize("api", ["v2", "v3"])
def test_wagtail_page_endpoints_serialise_widgets_in_the_accepted_language(home, client, api):
    def weather_block(accept):
        response = client.get(
            f"/api/{api}/pages/{home.pk}/", HTTP_HOST=MAIN_HOST, HTTP_ACCEPT_LANGUAGE=accept
        )
        assert response.status_code == 200
        assert response["Content-Language"] == accept
        (block,) = [b["value"] for b in response.json()["body"] if b["type"] == "weather"]
        return block

    assert weather_block("en")["cities"][0]["name"] == "Hanoi"
    assert weather_block("vi")["cities"][0]["name"] == "Hà Nội"


def test_the_articles_listing_filters_by_locale_whatever_the_accepted_language(demo, client):
    english = client.get(
        "/api/v3/articles/?locale=en&limit=100", HTTP_HOST=MAIN_HOST, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert english["Content-Language"] == "en"
    assert {item["locale"] for item in english.json()["items"]} == {"en"}


def test_a_misordered_middleware_list_is_reported(db):
    from headless.checks import CACHE_MIDDLEWARE, LANGUAGE_MIDDLEWARE, api_language_before_cache

    assert api_language_before_cache(None) == []
    misordered = [m for m in settings.MIDDLEWARE if m != LANGUAGE_MIDDLEWARE]
    misordered.insert(misordered.index(CACHE_MIDDLEWARE) + 1, LANGUAGE_MIDDLEWARE)
    with override_settings(MIDDLEWARE=misordered):
        (warning,) = api_language_before_cache(None)
    assert warning.id == "headless.W002"


def test_a_cache_rule_naming_an_unregistered_topic_is_reported(db, monkeypatch):
    from headless import caching
    from headless.checks import cache_rules_name_registered_topics

    assert cache_rules_name_registered_topics(None) == []
    monkeypatch.setitem(caching._rules, "/api/v3/tram/", (("readngs",), 60))
    (error,) = cache_rules_name_registered_topics(None)
    assert error.id == "headless.E001" and "readngs" in error.msg
