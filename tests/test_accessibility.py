"""The site frame as served (no browser): the skip link first, landmarks, one h1, the
language switcher and navigation, a strict Content-Security-Policy, the 404 and 500 pages."""

from html.parser import HTMLParser

import pytest
from django.template import loader
from django.test import Client

from tests.browser.pages import PAGES, SEED_ARTICLE

# The demo site, loaded once for the module; each test runs in a rolled-back transaction.
with_demo = pytest.mark.usefixtures("shared_demo", "db")

SEED_ARTICLE_EN = "/en/news/promoting-administrative-reform-2021-2025/"
FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary", "iframe"}


class Outline(HTMLParser):
    """The parts of a page a keyboard or screen-reader user meets, in document order."""

    def __init__(self, html):
        super().__init__()
        self.html_attrs, self.focusable, self.tags = {}, [], []
        self.inline_scripts = self.style_attributes = self.style_elements = 0
        self._capture = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "html":
            self.html_attrs = attrs
        if "style" in attrs:
            self.style_attributes += 1
        if tag == "style":
            self.style_elements += 1
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
            self.inline_scripts += 1
        hidden_input = tag == "input" and attrs.get("type") == "hidden"
        if (tag in FOCUSABLE and not hidden_input and (tag != "a" or "href" in attrs)) or (
            attrs.get("tabindex", "-1") != "-1"
        ):
            self.focusable.append([tag, attrs, ""])
            self._capture = self.focusable[-1]

    def handle_endtag(self, tag):
        if self._capture and tag == self._capture[0]:
            self._capture = None

    def handle_data(self, data):
        if self._capture is not None:
            self._capture[2] += data.strip()

    def count(self, tag, **attrs):
        return sum(
            1 for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        )

    def links(self):
        """(text, href, aria-current) of every link."""
        return [
            (text, attrs["href"], attrs.get("aria-current"))
            for tag, attrs, text in self.focusable
            if tag == "a"
        ]


def outline(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return Outline(response.content.decode()), response


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
@with_demo
def test_frame_on_every_page(client, path):
    page, _ = outline(client, path, status=404 if "khong-co" in path else 200)
    english = path.startswith("/en/")
    first = page.focusable[0]
    assert first[0] == "a" and first[1]["href"] == "#main", "the skip link comes first"
    assert first[2] == ("Skip to content" if english else "Truy cập nội dung luôn")
    assert page.count("main", id="main") == 1
    assert page.count("header") >= 1 and page.count("footer") >= 1 and page.count("nav") >= 1
    assert page.count("h1") == 1
    assert page.html_attrs["lang"] == ("en" if english else "vi")


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
@with_demo
def test_pages_run_no_inline_script_or_style_under_a_strict_policy(client, path):
    page, response = outline(client, path, status=404 if "khong-co" in path else 200)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "object-src 'none'" in policy
    assert (page.inline_scripts, page.style_elements, page.style_attributes) == (0, 0, 0)
    assert "//" not in "".join(
        attrs.get("src", "") + (attrs.get("href", "") if tag == "link" else "")
        for tag, attrs in page.tags
        if tag in {"script", "link", "img"}
    ), "no third-party assets"


STRICT_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def _directives(header):
    return {name: values for name, *values in (part.split() for part in header.split(";"))}


@pytest.mark.parametrize("path", ["/", SEED_ARTICLE, "/api/v3/docs/", "/api/v3/pages/"])
@with_demo
def test_the_public_site_and_the_api_send_the_whole_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert _directives(response["Content-Security-Policy"]) == STRICT_POLICY


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/admin/pages/"])
@with_demo
def test_the_admin_is_left_out_of_the_policy(admin_client, path):
    if path == "/admin/login/":
        admin_client.logout()
    response = admin_client.get(path)
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def _language_links(page):
    return {
        attrs["hreflang"]: (attrs["href"], attrs.get("aria-current"), attrs.get("lang"))
        for _, attrs, _ in page.focusable
        if "hreflang" in attrs
    }


@with_demo
def test_language_switcher_links_to_the_translation_of_this_page(client):
    page, _ = outline(client, SEED_ARTICLE)
    links = _language_links(page)
    assert links["vi"] == (SEED_ARTICLE, "true", "vi")
    assert links["en"] == (SEED_ARTICLE_EN, None, "en")

    page, _ = outline(client, SEED_ARTICLE_EN)
    links = _language_links(page)
    assert links["vi"][0] == SEED_ARTICLE and links["en"][1] == "true"


@with_demo
def test_language_switcher_falls_back_to_each_home_page(client):
    page, _ = outline(client, "/khong-co-trang-nay/", status=404)
    assert {code: link[0] for code, link in _language_links(page).items()} == {
        "vi": "/",
        "en": "/en/",
    }


@with_demo
def test_navigation_lists_the_home_pages_live_children_in_the_current_language(client):
    page, _ = outline(client, SEED_ARTICLE)
    nav = page.links()
    assert ("Trang chủ", "/", None) in nav
    assert ("Tin tức", "/tin-tuc/", "true") in nav, "the article's section is marked"

    page, _ = outline(client, "/en/")
    nav = page.links()
    assert ("Home", "/en/", "page") in nav
    assert ("News", "/en/news/", None) in nav
    assert not any(text == "Tin tức" for text, _, _ in nav)


@with_demo
def test_unpublished_pages_stay_out_of_the_navigation(client):
    from articles.models import ArticleIndexPage

    ArticleIndexPage.objects.filter(locale__language_code="vi").get().unpublish()
    page, _ = outline(client, "/")
    assert not any(text == "Tin tức" for _, _, text in page.focusable)


@with_demo
def test_not_found_page_sits_in_the_frame_in_the_readers_language(client):
    page, response = outline(client, "/en/no-such-page/", status=404)
    html = response.content.decode()
    assert page.html_attrs["lang"] == "en"
    assert "Page not found" in html and "Skip to content" in html
    page, response = outline(client, "/khong-co-trang-nay/", status=404)
    assert "Không tìm thấy trang" in response.content.decode()


def test_server_error_page_needs_no_database(django_db_blocker):
    with django_db_blocker.block():  # any query would raise
        html = loader.get_template("500.html").render()
    page = Outline(html)
    assert page.focusable[0][1]["href"] == "#main"
    assert page.count("h1") == 1 and page.count("main", id="main") == 1
    assert "Đã có lỗi xảy ra" in html and "Server error" in html
    assert page.inline_scripts == 0 and page.style_attributes == 0


@with_demo
def test_a_crashing_page_shows_the_friendly_error_page(monkeypatch):
    from home.models import HomePage

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", crash)
    client = Client(raise_request_exception=False)
    response = client.get("/")
    assert response.status_code == 500
    assert "Đã có lỗi xảy ra" in response.content.decode()
    assert "boom" not in response.content.decode()
