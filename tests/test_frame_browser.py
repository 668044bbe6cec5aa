"""The site frame and reading in a real browser (Debian's Chromium): the menu button at
360 px with and without JavaScript, no button at 1280 px, the article's measure and heading
sizes, the printed article, and axe on the new states in both themes at both widths."""

import pytest

from tests.browser.fixtures import browser, site  # noqa: F401
from tests.browser.helpers import open_page, reader_problems, tab_until
from tests.browser.pages import SEED_ARTICLE, THEMES, WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

BUTTON = ".primary-menu__button"
NAV_LINK = ".primary-nav a"
IS_BUTTON = "el => el.matches('.primary-menu__button')"
UNTRANSLATED = "/tin-tuc/huyen-cai-lay-cung-cap-40-dich-vu-cong-truc-tuyen-muc-do-4/"
SECTIONED_SLUG = "bai-viet-co-muc"
SECTIONED_BODY = (
    "<h2>Mục tiêu chung</h2><p>{text}</p><h3>Chỉ tiêu cụ thể</h3><p>{text}</p>"
    "<h2>Giải pháp thực hiện</h2><p>{text}</p>"
)
LONG_TEXT = (
    "Tăng cường sự lãnh đạo của các cấp ủy Đảng đối với công tác cải cách hành chính, nâng cao "
    "trách nhiệm người đứng đầu, bảo đảm kỷ luật, kỷ cương hành chính; thường xuyên kiểm tra, "
    "giám sát tình hình thực hiện các văn bản chỉ đạo, điều hành cải cách hành chính. "
) * 3


@pytest.fixture(scope="module")
def sectioned_article(site, django_db_blocker):  # noqa: F811
    """An article whose body has sections (h2) and a subsection (h3), committed like the demo
    (the demo's flush at the end of the module removes it)."""
    from wagtail.rich_text import RichText

    from articles.models import ArticleIndexPage, ArticlePage

    with django_db_blocker.unblock():
        news = ArticleIndexPage.objects.get(locale__language_code="vi")
        article = ArticlePage(
            title="Kế hoạch cải cách hành chính năm 2022",
            slug=SECTIONED_SLUG,
            signature="Văn phòng",
            body=[("paragraph", RichText(SECTIONED_BODY.format(text=LONG_TEXT)))],
        )
        news.add_child(instance=article)
        article.save_revision().publish()
    return f"/tin-tuc/{SECTIONED_SLUG}/"


# The menu ----------------------------------------------------------------------------------


def test_menu_button_at_360_px_opens_and_closes_by_keyboard(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, SEED_ARTICLE, width=360) as page:
        button = page.locator(BUTTON)
        expect(button).to_be_visible()
        expect(button).to_have_attribute("aria-expanded", "false")
        controls = button.get_attribute("aria-controls")
        assert controls and page.locator(f"#{controls}").count() == 1
        assert page.evaluate("document.querySelector('details[data-primary-menu]') === null")
        expect(page.locator(NAV_LINK).first).to_be_hidden()
        assert button.evaluate("el => el.tagName") == "BUTTON"

        tab_until(page, IS_BUTTON)
        page.keyboard.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(page.locator(NAV_LINK).first).to_be_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('.primary-nav a')"), "next: a link"

        page.keyboard.press("Escape")
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(page.locator(NAV_LINK).first).to_be_hidden()
        assert page.evaluate("document.activeElement.matches('.primary-menu__button')")

        page.keyboard.press("Space")
        expect(button).to_have_attribute("aria-expanded", "true")
        page.locator(NAV_LINK, has_text="Tin tức").click()
        page.wait_for_url("**/tin-tuc/")
        assert not page.problems, page.problems


def test_menu_button_at_360_px_works_without_javascript(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, SEED_ARTICLE, width=360, javascript=False) as page:
        summary = page.locator(f"summary{BUTTON}")
        expect(summary).to_be_visible()
        expect(page.locator(NAV_LINK).first).to_be_hidden()

        tab_until(page, IS_BUTTON)
        page.keyboard.press("Enter")
        expect(page.locator(NAV_LINK).first).to_be_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('.primary-nav a')")
        with page.expect_navigation():
            page.keyboard.press("Enter")  # the first link: the home page

        tab_until(page, IS_BUTTON)
        page.keyboard.press("Space")
        expect(page.locator(NAV_LINK).first).to_be_visible()
        page.keyboard.press("Space")
        expect(page.locator(NAV_LINK).first).to_be_hidden()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_wide_screen_shows_the_navigation_without_a_button(browser, site, javascript):  # noqa: F811
    with open_page(browser, site, "/en/", width=1280, javascript=javascript) as page:
        assert page.locator(BUTTON).is_hidden()
        links = page.locator(NAV_LINK)
        assert links.count() >= 5
        for index in range(links.count()):
            assert links.nth(index).is_visible()
        tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
        assert len(tops) == 1, "one row of links"


def test_header_at_360_px_is_shorter_than_half_the_screen(browser, site):  # noqa: F811
    with open_page(browser, site, SEED_ARTICLE, width=360) as page:
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 450, header
        assert page.locator("main h1").bounding_box()["y"] < 640, "the title on the first screen"


# Reading -----------------------------------------------------------------------------------

# The characters on each rendered line of the element's text: one Range per character, its
# line known by its top. Spaces at a line's end are not counted.
LINE_LENGTHS_JS = """
(selector) => {
    const lengths = [];
    for (const block of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        const lines = new Map();
        let node;
        while ((node = walker.nextNode())) {
            for (let i = 0; i < node.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const rect = range.getClientRects()[0];
                if (!rect || rect.width === 0) continue;
                const top = Math.round(rect.top);
                lines.set(top, (lines.get(top) || "") + node.data[i]);
            }
        }
        for (const text of lines.values()) lengths.push(text.trim().length);
    }
    return lengths;
}
"""


@pytest.mark.parametrize("path", [SEED_ARTICLE, UNTRANSLATED])
def test_article_text_keeps_a_readable_measure(browser, site, path):  # noqa: F811
    with open_page(browser, site, path, width=1280) as page:
        lengths = page.evaluate(LINE_LENGTHS_JS, ".article-body p")
        assert len(lengths) >= 5
        assert max(lengths) <= 78, f"longest line: {max(lengths)} characters"
        assert max(lengths) >= 50, "lines are measured (and not one word each)"


def test_headings_step_down_in_size(browser, site, sectioned_article):  # noqa: F811
    for width in WIDTHS.values():
        with open_page(browser, site, sectioned_article, width=width) as page:
            sizes = page.evaluate(
                """() => ["h1", ".article-body h2", ".article-body h3"].map(
                    (s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"""
            )
            assert sizes[0] > sizes[1] > sizes[2] > 16, (width, sizes)
    with open_page(browser, site, "/tin-tuc/") as page:
        title, item = page.evaluate(
            """() => ["main h1", ".article-list h2"].map(
                (s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"""
        )
        assert title > item, "a listed article's title is smaller than the page's title"


def test_article_prints_its_text_and_address_without_the_frame(browser, site):  # noqa: F811
    with open_page(browser, site, SEED_ARTICLE, width=1280) as page:
        page.emulate_media(media="print")
        for hidden in (
            ".site-header",
            ".primary-nav",
            ".site-footer",
            ".article-rating",
            ".skip-link",
            ".site-stats",
            ".language-switcher",
        ):
            locator = page.locator(hidden)
            assert locator.count() == 0 or locator.first.is_hidden(), hidden
        for shown in ("main h1", ".article-date", ".article-body", ".signature", ".print-url"):
            assert page.locator(shown).first.is_visible(), shown
        address = page.locator(".print-url").inner_text().split()[-1]
        assert address.startswith("http") and address.endswith(SEED_ARTICLE), address
        assert page.locator(".signature").inner_text() == "Văn phòng"
        page.emulate_media(media="screen")
        assert page.locator(".print-url").is_hidden(), "the address is for paper only"
        assert page.locator(".site-header").is_visible()


# Languages ---------------------------------------------------------------------------------


def test_english_switch_on_an_untranslated_page_says_so_at_360_px(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, UNTRANSLATED, width=360) as page:
        link = page.get_by_role("link", name="English home page")
        expect(link).to_be_visible()
        expect(link).to_have_accessible_description("This page is only in Vietnamese.")
        expect(page.get_by_text("This page is only in Vietnamese.")).to_be_visible()
        with page.expect_navigation():
            link.click()
        assert page.url == site + "/en/"


# axe on what this module added ---------------------------------------------------------------


# axe runs its script in the page, so these pages are checked with JavaScript on.
AXE_PAGES = {
    "untranslated": (UNTRANSLATED, True),
    "article-en": ("/en/news/promoting-administrative-reform-2021-2025/", True),
    "news-en": ("/en/news/", True),
    "videos-en": ("/en/videos/", True),
    "search-en": ("/en/search/?q=reform", True),
    "news-error": ("/tin-tuc/?date_from=31/02/2021", True),
}


@pytest.mark.parametrize(("path", "javascript"), AXE_PAGES.values(), ids=AXE_PAGES.keys())
def test_no_accessibility_violations_with_the_menu_open(browser, site, path, javascript):  # noqa: F811
    found = {}
    for theme in THEMES:
        for width_name, width in WIDTHS.items():
            with open_page(
                browser, site, path, theme=theme, width=width, javascript=javascript
            ) as page:
                if width < 768:
                    page.locator(BUTTON).click()
                    page.locator(NAV_LINK).first.wait_for(state="visible")
                problems = reader_problems(page)
                if problems:
                    found[f"{theme} theme, {width_name}"] = problems
    assert not found, found
