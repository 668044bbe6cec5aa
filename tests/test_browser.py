"""The public site in a real browser (Debian's Chromium via Playwright): axe-core finds no
WCAG 2.2 A/AA violation, the keyboard reaches everything, the contrast toggle works with and
without JavaScript, and the high-contrast theme is drawn at the contrast it promises."""

import pytest

from tests.browser.fixtures import browser, site  # noqa: F401
from tests.browser.helpers import (
    axe_violations,
    drawn_contrast,
    open_page,
    reader_problems,
    tab_until,
)
from tests.browser.pages import PAGES, SEED_ARTICLE, THEMES, WIDTHS

# django_db: each test reads the module's committed demo inside a rolled-back transaction.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SKIP_LINK_TEXT = "Truy cập nội dung luôn"
TOGGLE = "form[data-contrast-toggle] button"
IS_TOGGLE = "el => el.matches('form[data-contrast-toggle] button')"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_accessibility_violations_in_either_theme_at_any_width(browser, site, path):  # noqa: F811
    found = {}
    for theme in THEMES:
        for width_name, width in WIDTHS.items():
            with open_page(browser, site, path, theme=theme, width=width) as page:
                problems = reader_problems(page)
                if problems:
                    found[f"{theme} theme, {width_name}"] = problems
    assert not found, found


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_text_doubled_in_size_still_fits_without_sideways_scrolling(browser, site, path):  # noqa: F811
    with open_page(browser, site, path, width=1280) as page:
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert page.locator("h1").is_visible()


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(browser, site):  # noqa: F811
    with open_page(browser, site, SEED_ARTICLE) as page:
        hidden = page.locator(".skip-link").bounding_box()
        assert hidden["y"] + hidden["height"] <= 0, "out of sight until focused"
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        assert focused.inner_text() == SKIP_LINK_TEXT
        box = focused.bounding_box()
        assert box and box["y"] >= 0 and box["height"] > 0, "the skip link is visible on focus"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"


def test_contrast_toggle_works_by_keyboard_in_place_with_javascript(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, SEED_ARTICLE) as page:
        toggle = page.locator(TOGGLE)
        expect(toggle).to_have_attribute("aria-pressed", "false")
        page.evaluate("window.notReloaded = true")
        tab_until(page, IS_TOGGLE)
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-pressed", "true")
        expect(page.locator("html")).to_have_attribute("data-theme", "high")
        assert page.evaluate("window.notReloaded === true"), "switched without a reload"
        assert page.evaluate("document.activeElement.matches('form[data-contrast-toggle] button')")

        page.keyboard.press("Space")
        expect(toggle).to_have_attribute("aria-pressed", "false")
        expect(page.locator("html")).to_have_attribute("data-theme", "normal")
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-pressed", "true")

        page.reload()  # the cached page is the same for all; the choice stylesheet says high
        expect(page.locator("html")).to_have_attribute("data-theme", "high")
        expect(toggle).to_have_attribute("aria-pressed", "true")
        assert not page.problems, page.problems


def test_contrast_toggle_works_by_keyboard_without_javascript(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, SEED_ARTICLE, javascript=False) as page:
        tab_until(page, IS_TOGGLE)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith(SEED_ARTICLE), "back on the same page"
        # Without JavaScript the (cached, shared) page has no pressed state; the private
        # choice stylesheet draws the chosen theme.
        expect(page.locator("body")).to_have_css("background-color", "rgb(0, 0, 0)")

        tab_until(page, IS_TOGGLE)
        with page.expect_navigation():
            page.keyboard.press("Space")
        expect(page.locator("body")).to_have_css("background-color", "rgb(255, 255, 255)")
        page.reload()
        expect(page.locator("body")).to_have_css("background-color", "rgb(255, 255, 255)")


@pytest.mark.parametrize(("theme", "text_ratio"), [("high", 7.0), ("normal", 4.5)])
def test_theme_is_drawn_at_the_contrast_it_promises(browser, site, theme, text_ratio):  # noqa: F811
    checks = {
        "body text": ("main p", "color", text_ratio),
        "link": ("main a", "color", text_ratio),
        "heading": ("main h1", "color", text_ratio),
        "header text": (".site-name", "color", text_ratio),
        "navigation": (".primary-nav a", "color", text_ratio),
        "toggle": (TOGGLE, "color", text_ratio),
    }
    with open_page(browser, site, "/", theme=theme) as page:
        measured = {
            name: drawn_contrast(page, sel, prop) for name, (sel, prop, _) in checks.items()
        }
        low = {n: m for n, m in measured.items() if m[0] < checks[n][2]}
        assert not low, low

        # The focus ring, wherever focus lands: in the header and in the content.
        tab_until(page, "el => el.matches('.primary-nav a')")
        ring, details = drawn_contrast(page, ":focus", "outlineColor")
        assert details["outlineStyle"] != "none" and float(details["outlineWidth"][:-2]) >= 2
        assert ring >= 3.0, details
        tab_until(page, "el => el.closest('main') !== null")
        ring, details = drawn_contrast(page, ":focus", "outlineColor")
        assert details["outlineStyle"] != "none" and ring >= 3.0, details


def test_without_a_choice_the_system_contrast_preference_decides(browser, site):  # noqa: F811
    with open_page(browser, site, "/", contrast="more") as page:
        ratio, _ = drawn_contrast(page, "main p", "color")
        assert ratio >= 7.0
        assert page.locator(TOGGLE).get_attribute("aria-pressed") == "true"
    with open_page(browser, site, "/", theme="normal", contrast="more") as page:
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == (
            "rgb(255, 255, 255)"
        ), "an explicit choice of the normal theme wins over the system preference"


def test_home_page_weighs_under_its_budget_in_the_browser(browser, site):  # noqa: F811
    sizes = {"document": 0, "stylesheet": 0, "script": 0}
    with open_page(browser, site, None) as page:
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto("/", wait_until="networkidle")
        for response in responses:
            kind = response.request.resource_type
            if kind in sizes and response.url.startswith(site):
                sizes[kind] += len(response.body())
    assert sizes["document"] > 0 and sizes["stylesheet"] > 0 and sizes["script"] > 0
    assert sum(sizes.values()) <= 300 * 1024, sizes
    assert sizes["script"] <= 50 * 1024, sizes


RATING_STATUS = "form[data-article-rating] [data-rating-status]"
RATING_SUMMARY = "form[data-article-rating] [data-rating-summary]"
IS_RATING_RADIO = "el => el.matches('form[data-article-rating] input[type=radio]')"
IS_RATING_BUTTON = "el => el.matches('form[data-article-rating] button[type=submit]')"
SUMMARY_WITH_VOTES = r"^\(\d+(,\d)?/5 — \d+ lượt\)$"


def test_rating_works_by_keyboard_in_place_with_javascript(browser, site):  # noqa: F811
    import re

    from playwright.sync_api import expect

    with open_page(browser, site, SEED_ARTICLE) as page:
        page.evaluate("window.notReloaded = true")
        tab_until(page, IS_RATING_RADIO)
        page.keyboard.press("ArrowRight")  # from the first radio: 2, then 3, chosen as it moves
        page.keyboard.press("ArrowRight")
        expect(page.locator("#rating-score-3")).to_be_checked()
        page.keyboard.press("Enter")  # submits the form from the radio group
        expect(page.locator(RATING_STATUS)).to_have_text(
            "Cảm ơn bạn: đánh giá 3/5 của bạn đã được ghi nhận."
        )
        expect(page.locator(RATING_SUMMARY)).to_have_text(re.compile(SUMMARY_WITH_VOTES))
        assert page.evaluate("document.activeElement.id") == "rating-score-3", "focus stays"

        page.keyboard.press("ArrowRight")
        tab_until(page, IS_RATING_BUTTON)
        page.keyboard.press("Space")
        expect(page.locator(RATING_STATUS)).to_have_text(
            "Cảm ơn bạn: đánh giá 4/5 của bạn đã được ghi nhận."
        )
        assert page.evaluate("window.notReloaded === true"), "voted without a reload"
        assert page.url.endswith(SEED_ARTICLE)
        assert not page.problems, page.problems


@pytest.mark.parametrize("theme", THEMES)
def test_rating_works_by_keyboard_without_javascript(browser, site, theme):  # noqa: F811
    import re

    from playwright.sync_api import expect

    with open_page(browser, site, SEED_ARTICLE, theme=theme, javascript=False) as page:
        tab_until(page, IS_RATING_RADIO)
        for _ in range(4):
            page.keyboard.press("ArrowRight")
        expect(page.locator("#rating-score-5")).to_be_checked()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert re.search(rf"{SEED_ARTICLE}\?rating=[^&#]+#rating$", page.url), "back at the form"
        expect(page.locator(RATING_STATUS)).to_have_text(
            "Cảm ơn bạn: đánh giá 5/5 của bạn đã được ghi nhận."
        )
        expect(page.locator(RATING_SUMMARY)).to_have_text(re.compile(SUMMARY_WITH_VOTES))
        assert page.locator(RATING_STATUS).is_visible()

        tab_until(page, IS_RATING_RADIO)
        page.keyboard.press("ArrowLeft")  # from the first radio back to the last: 5
        page.keyboard.press("ArrowLeft")  # 4
        tab_until(page, IS_RATING_BUTTON)
        with page.expect_navigation():
            page.keyboard.press("Space")
        expect(page.locator(RATING_STATUS)).to_have_text(
            "Cảm ơn bạn: đánh giá 4/5 của bạn đã được ghi nhận."
        )


@pytest.mark.parametrize("theme", THEMES)
def test_rating_messages_have_no_accessibility_violations(browser, site, theme):  # noqa: F811
    from playwright.sync_api import expect

    submit_natively = "document.querySelector('form[data-article-rating]').submit()"
    with open_page(browser, site, SEED_ARTICLE, theme=theme) as page:
        # The plain form post (as without JavaScript; axe itself needs JavaScript).
        with page.expect_navigation():
            page.evaluate(submit_natively)  # nothing chosen: the server says so
        expect(page.locator("form[data-article-rating] [role=alert]")).to_have_text(
            "Vui lòng chọn mức đánh giá từ 1 đến 5 rồi gửi."
        )
        problems = axe_violations(page)
        page.check("#rating-score-2")
        with page.expect_navigation():
            page.evaluate(submit_natively)
        expect(page.locator(RATING_STATUS)).to_have_text(
            "Cảm ơn bạn: đánh giá 2/5 của bạn đã được ghi nhận."
        )
        problems += axe_violations(page) + page.problems
        assert not problems, problems
