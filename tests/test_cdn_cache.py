"""Public pages are cacheable by a CDN (issue 14): an anonymous reader's GET of any public page
sets no cookie and is ``Cache-Control: public, max-age=PORTAL_PAGE_MAX_AGE`` with no ``Vary``
on Cookie or Accept-Language (the language is in the path); what a signed-in editor, a
preview, a restricted page, an error or a write gets is never public. Publishing purges the
page from the CDN."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, PageViewRestriction

from cms.settings.env import ConfigError, seconds
from headless.pagecache import is_public

pytestmark = pytest.mark.usefixtures("shared_demo", "db")

SEED_ARTICLE = "/tin-tuc/day-manh-cai-cach-hanh-chinh-giai-doan-2021-2025/"
# Listing and search addresses beside the pages themselves (both languages).
EXTRA_PATHS = [
    "/tim-kiem/?q=c%E1%BA%A3i+c%C3%A1ch",
    "/en/search/?q=reform",
    "/tim-kiem/",
    "/tin-tuc/?page=2",
    f"{SEED_ARTICLE}?rating=4",  # a crafted thanks: says nothing, still the same page
]


def public_paths():
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    paths = sorted({page.url for page in pages if page.url})
    return paths + EXTRA_PATHS


def reader():
    return Client(HTTP_USER_AGENT="Mozilla/5.0 reader", HTTP_ACCEPT_LANGUAGE="en")


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value}


def assert_publicly_cacheable(response, max_age, path):
    assert response.status_code == 200, path
    assert not response.cookies, f"{path} sets {list(response.cookies)}"
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    assert directives == {"public", f"max-age={max_age}"}, (path, directives)
    assert not vary(response) & {"cookie", "accept-language"}, (path, response.get("Vary"))


def test_every_public_page_of_the_demo_is_publicly_cacheable_in_both_languages(settings):
    settings.PORTAL_PAGE_MAX_AGE = 37  # configurable (PAGE_MAX_AGE in the environment)
    paths = public_paths()
    assert {"/", "/en/", SEED_ARTICLE, "/en/news/", "/cong-khai-ngan-sach/"} <= set(paths)
    assert len(paths) > 40
    client = reader()
    for path in paths:
        response = client.get(path)
        assert_publicly_cacheable(response, 37, path)
        html = response.content.decode()
        assert "csrfmiddlewaretoken" not in html, path
    assert not client.cookies, "the reader's browser holds no cookie after the whole walk"


def test_the_default_max_age_is_a_minute_and_head_is_cacheable_too():
    response = reader().head("/")
    assert_publicly_cacheable(response, 60, "/")


def test_the_same_page_for_every_reader_whatever_they_chose_or_speak():
    first = reader().get(SEED_ARTICLE)
    other = Client(HTTP_USER_AGENT="Mozilla/5.0 other", HTTP_ACCEPT_LANGUAGE="vi")
    other.cookies["contrast"] = "high"
    other.cookies["portal_visitor"] = "anything"
    second = other.get(SEED_ARTICLE)
    assert_publicly_cacheable(second, 60, SEED_ARTICLE)
    strip = re.compile(r'<p class="site-stats__as-of">.*?</p>')  # a clock, read per minute
    assert strip.sub("", first.content.decode()) == strip.sub("", second.content.decode())


def test_the_signed_thanks_after_a_vote_is_the_same_page_for_everyone_who_opens_it():
    # The no-JavaScript vote's redirect carries a signed thanks in its query: a different
    # address, cached like the article, nothing stored per reader.
    from articles.models import ArticlePage
    from articles.ratings import thanks_token

    article = ArticlePage.objects.get(
        url_path__endswith="/day-manh-cai-cach-hanh-chinh-giai-doan-2021-2025/"
    )
    path = f"{SEED_ARTICLE}?rating={thanks_token(article.pk, 4)}"
    first, second = reader().get(path), reader().get(path)
    assert_publicly_cacheable(first, 60, path)
    thanks = "data-rating-status>Cảm ơn bạn: đánh giá 4/5 của bạn đã được ghi nhận.</p>"
    assert thanks in first.content.decode()
    crafted = reader().get(f"{SEED_ARTICLE}?rating=4").content.decode()
    assert "data-rating-status></p>" in crafted, "a crafted thanks says nothing"
    strip = re.compile(r'<p class="site-stats__as-of">.*?</p>')
    assert strip.sub("", first.content.decode()) == strip.sub("", second.content.decode())


def test_a_signed_in_editor_gets_private_pages_with_the_userbar():
    editor = get_user_model().objects.create_superuser("bientap-cdn", "b@example.com", "x")
    client = Client()
    client.force_login(editor)
    response = client.get(SEED_ARTICLE)
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-cache"} <= directives and "public" not in directives
    assert "cookie" in vary(response), "a browser cache must not mix editor and reader"
    assert "wagtail-userbar" in response.content.decode()


def test_a_reader_with_a_session_is_never_served_a_public_copy():
    # e.g. a reader who typed the password of a restricted page: the session holds it.
    client = reader()
    client.cookies["sessionid"] = "whatever"
    response = client.get("/")
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_a_view_restricted_page_is_never_public(restriction):
    page = Page.objects.get(url_path__endswith="/gioi-thieu/").specific
    PageViewRestriction.objects.create(page=page, restriction_type=restriction, password="mat-khau")
    response = reader().get(page.url)
    assert "public" not in response.get("Cache-Control", "")
    assert response.status_code in (200, 302)


def test_a_preview_is_never_public():
    request = RequestFactory().get("/")
    request.is_preview = True
    from django.http import HttpResponse

    assert not is_public(request, HttpResponse("<p>draft</p>"))
    editor = get_user_model().objects.create_superuser("bientap-preview", "p@example.com", "x")
    client = Client()
    client.force_login(editor)
    page = Page.objects.get(url_path__endswith="/gioi-thieu/")
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "path", ["/khong-co-trang-nay/", "/en/no-such-page/", "/admin/login/", "/api/v3/stats/"]
)
def test_errors_the_admin_and_the_api_are_not_marked_as_public_pages(path):
    response = reader().get(path)
    assert response.get("Cache-Control") != "public, max-age=60"
    if response.status_code == 404:
        assert "public" not in response.get("Cache-Control", "")


def test_a_post_is_never_public():
    response = Client(headers={"origin": "http://testserver"}).post("/tim-kiem/")
    assert "public" not in response.get("Cache-Control", "")


def test_the_max_age_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("PAGE_MAX_AGE", "120")
    assert seconds("PAGE_MAX_AGE", 60) == 120
    monkeypatch.setenv("PAGE_MAX_AGE", "-1")
    with pytest.raises(ConfigError, match="PAGE_MAX_AGE"):
        seconds("PAGE_MAX_AGE", 60)


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_publishing_purges_the_page_from_the_cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged.clear()
    page = Page.objects.get(url_path__endswith="/gioi-thieu/").specific
    page.save_revision().publish()
    assert any(url.endswith("/gioi-thieu/") for url in RecordingBackend.purged)
