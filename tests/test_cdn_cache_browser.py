"""The cacheable pages in a real browser (Debian's Chromium via Playwright): the page is the
same for every reader, yet the contrast choice, the rating and the visit count still work,
with JavaScript and without, and a form posted from another website is refused."""

import re

import pytest

from home.theme import HIGH, NORMAL, PALETTES
from tests.browser.fixtures import browser, site  # noqa: F401
from tests.browser.helpers import open_page
from tests.browser.pages import SEED_ARTICLE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TOGGLE = "form[data-contrast-toggle] button"
RATING_STATUS = "form[data-article-rating] [data-rating-status]"
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


def rgb(hex_colour):
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def expect_theme(page, theme):
    from playwright.sync_api import expect

    expect(page.locator("body")).to_have_css("background-color", rgb(PALETTES[theme]["background"]))


def test_contrast_toggle_without_javascript_applies_on_the_next_page(browser, site):  # noqa: F811
    with open_page(browser, site, SEED_ARTICLE, javascript=False) as page:
        expect_theme(page, NORMAL)
        with page.expect_navigation():
            page.click(TOGGLE)
        assert page.url.endswith(SEED_ARTICLE), "back on the same page"
        expect_theme(page, HIGH)
        page.goto("/tin-tuc/")  # and on every page after it
        expect_theme(page, HIGH)
        with page.expect_navigation():
            page.click(TOGGLE)
        expect_theme(page, NORMAL)
        assert not page.problems, page.problems


def test_contrast_toggle_with_javascript_announces_and_keeps_the_choice(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, SEED_ARTICLE) as page:
        toggle = page.locator(TOGGLE)
        expect(toggle).to_have_attribute("aria-pressed", "false")
        page.evaluate("window.notReloaded = true")
        toggle.click()
        expect(toggle).to_have_attribute("aria-pressed", "true")
        expect_theme(page, HIGH)
        assert page.evaluate("window.notReloaded === true"), "switched without a reload"

        response = page.goto("/en/")
        assert "data-theme" not in response.text(), "the page is the same for everyone"
        assert "public" in response.headers["cache-control"]
        expect(page.locator(TOGGLE)).to_have_attribute("aria-pressed", "true")
        expect(page.locator("html")).to_have_attribute("data-theme", "high")
        expect_theme(page, HIGH)
        page.locator(TOGGLE).click()
        expect(page.locator(TOGGLE)).to_have_attribute("aria-pressed", "false")
        expect_theme(page, NORMAL)
        assert not page.problems, page.problems


def test_the_choice_outranks_the_systems_preference(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, None, contrast="more", javascript=False) as page:
        page.goto(SEED_ARTICLE)
        expect_theme(page, HIGH)  # no choice: the system's "more contrast" decides
    with open_page(browser, site, None, theme=NORMAL, contrast="more", javascript=False) as page:
        page.goto(SEED_ARTICLE)
        expect_theme(page, NORMAL)  # the reader chose normal on this site
    with open_page(browser, site, SEED_ARTICLE, theme=HIGH) as page:
        expect(page.locator(TOGGLE)).to_have_attribute("aria-pressed", "true")
        expect_theme(page, HIGH)


def _rating_summary(page):
    return page.locator("form[data-article-rating] [data-rating-summary]").inner_text()


def test_rating_without_javascript_thanks_the_reader_from_the_redirect(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, SEED_ARTICLE, javascript=False) as page:
        page.check("#rating-score-4")
        with page.expect_navigation():
            page.click("form[data-article-rating] button[type=submit]")
        assert re.search(r"\?rating=[^&#]+#rating$", page.url), page.url  # a signed thanks
        expect(page.locator(RATING_STATUS)).to_have_text(
            "Cảm ơn bạn: đánh giá 4/5 của bạn đã được ghi nhận."
        )
        assert "1 lượt" in _rating_summary(page)
        assert not page.problems, page.problems


def test_rating_with_javascript_votes_in_place(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, SEED_ARTICLE) as page:
        page.evaluate("window.notReloaded = true")
        page.check("#rating-score-5")
        page.click("form[data-article-rating] button[type=submit]")
        expect(page.locator(RATING_STATUS)).to_have_text(
            "Cảm ơn bạn: đánh giá 5/5 của bạn đã được ghi nhận."
        )
        assert page.evaluate("window.notReloaded === true")
        assert "1 lượt" in _rating_summary(page)
        assert not page.problems, page.problems


def test_a_rating_form_on_another_website_is_refused(browser, site):  # noqa: F811
    from articles.models import ArticleRating

    with open_page(browser, site, SEED_ARTICLE) as page:
        action = page.get_attribute("form[data-article-rating]", "action")
        # Another website whose page holds a copy of the form (served by the browser here).
        forged = (
            f'<form method="post" action="{site}{action}">'
            '<input name="score" value="1"><button>Vote</button></form>'
        )
        page.route(
            "http://other.example/**",
            lambda route: route.fulfill(body=forged, content_type="text/html"),
        )
        page.goto("http://other.example/page")
        with page.expect_navigation() as navigation:
            page.click("button")
        response = navigation.value
        assert response.url.startswith(site)
        assert response.status == 403
        assert "cổng thông tin" in page.content()
    assert not ArticleRating.objects.filter(score=1).exists()


def test_the_page_counts_itself_through_the_beacon(browser, site):  # noqa: F811
    from widgets.stats.counting import statistics

    before = statistics().total
    with open_page(browser, site, path=None, user_agent=READER_AGENT) as page:
        # A reader's browser, not an automated one (those are not counted).
        page.add_init_script("Object.defineProperty(navigator, 'webdriver', {get: () => false})")
        with page.expect_response(lambda r: r.url.endswith("/api/v3/stats/hits/")) as beacon:
            page.goto(SEED_ARTICLE)
        # Not the body: a keepalive request's body is not kept by the browser.
        assert beacon.value.status == 202
        request = beacon.value.request
        assert request.method == "POST"
        assert request.headers["content-type"] == "application/json"
        assert not page.context.cookies(), "no cookie from reading and being counted"
        assert not page.problems, page.problems
    assert statistics().total == before + 1
