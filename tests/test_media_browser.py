"""Videos and the slideshow in a real browser (Debian's Chromium via Playwright): the demo's
shipped video plays with its poster and captions, a YouTube video loads nothing from YouTube
until the reader asks, the slideshow works as a WAI-ARIA carousel with and without
JavaScript, and axe finds nothing in either theme at 1280 and 360 px."""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.fixtures import browser, site  # noqa: F401
from tests.browser.helpers import open_page, reader_problems
from tests.browser.pages import PAGES, THEMES, WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VIDEO = PAGES["video"]  # the shipped WebM file, its poster and captions
VIDEO_EN = "/en/videos/administrative-reform-in-tien-giang/"
YOUTUBE = "/videos/phong-chong-xam-nhap-man/"
SLIDESHOW = PAGES["slideshow"]
GALLERY = PAGES["gallery"]
PROVIDERS = re.compile(r"youtube|ytimg|vimeo|googlevideo", re.IGNORECASE)
EMBED_HOSTS = {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}


def frame_sources(response):
    policy = response.headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    return set(directives["frame-src"].split())


def test_the_demo_video_plays_with_its_poster_and_captions(browser, site):  # noqa: F811
    with open_page(browser, site, VIDEO) as page:
        video = page.locator(".video-player video")
        assert video.get_attribute("poster").startswith("/media/")
        track = page.locator(".video-player video track[kind=captions]")
        assert track.get_attribute("srclang") == "vi"
        captions = page.request.get(track.get_attribute("src"))
        assert captions.ok and captions.text().startswith("WEBVTT")
        assert "cải cách hành chính" in captions.text()

        page.evaluate("() => { const v = document.querySelector('video'); v.muted = true; }")
        page.evaluate("() => document.querySelector('video').play()")
        page.wait_for_function(
            "() => { const v = document.querySelector('video');"
            " return v.readyState >= 2 && v.currentTime > 0.2 && !v.error; }"
        )
        # The captions track is on and its cues are read.
        page.wait_for_function(
            "() => { const t = document.querySelector('video').textTracks[0];"
            " return t.mode === 'showing' && t.cues && t.cues.length === 3; }"
        )
        assert not page.problems, page.problems


def test_the_english_video_has_english_captions(browser, site):  # noqa: F811
    with open_page(browser, site, VIDEO_EN) as page:
        track = page.locator("video track[kind=captions]")
        assert track.get_attribute("srclang") == "en"
        assert track.get_attribute("label") == "English"
        assert page.request.get(track.get_attribute("src")).text().startswith("WEBVTT")


def test_a_youtube_video_loads_nothing_from_youtube_until_the_reader_asks(browser, site):  # noqa: F811
    with open_page(browser, site, None) as page:
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        # Nothing may leave the machine: a request to a provider is recorded, then refused.
        page.route(PROVIDERS, lambda route: route.abort())
        response = page.goto(YOUTUBE)
        assert frame_sources(response) == {"'self'"} | EMBED_HOSTS
        play = page.locator("button.video-link__play")
        play.wait_for()
        assert "YouTube" in play.inner_text()
        assert not [url for url in asked if PROVIDERS.search(urlsplit(url).netloc)], asked

        play.focus()
        with page.expect_request(lambda request: "youtube-nocookie" in request.url):
            page.keyboard.press("Enter")
        frame = page.locator("iframe.video-link__frame")
        frame.wait_for(state="attached")
        source = frame.get_attribute("src")
        assert source.startswith("https://www.youtube-nocookie.com/embed/tg-xam-nhap-man?")
        assert frame.get_attribute("title") == "Chủ động phòng, chống xâm nhập mặn"
        assert page.evaluate("document.activeElement.tagName") == "IFRAME"
        assert play.count() == 0, "the button made way for the player"
        assert {urlsplit(url).netloc for url in asked if PROVIDERS.search(url)} == {
            "www.youtube-nocookie.com"
        }
        # The watch-on-YouTube link stays for readers who prefer the provider's site.
        assert page.get_by_role("link", name=re.compile("YouTube")).count() == 1


def test_other_pages_do_not_allow_the_providers_players(browser, site):  # noqa: F811
    with open_page(browser, site, None) as page:
        for path in (VIDEO, SLIDESHOW, GALLERY, "/"):
            assert frame_sources(page.goto(path)) == {"'self'"}, path


def test_without_javascript_a_youtube_video_is_a_link_to_youtube(browser, site):  # noqa: F811
    with open_page(browser, site, YOUTUBE, javascript=False) as page:
        link = page.locator("a.video-link__anchor")
        assert link.get_attribute("href") == "https://www.youtube.com/watch?v=tg-xam-nhap-man"
        assert "YouTube" in link.inner_text()
        assert "Chủ động phòng, chống xâm nhập mặn" in link.inner_text()
        assert link.locator("img").get_attribute("src").startswith("/media/")  # our own poster
        assert page.locator("button, iframe").filter(has_text="YouTube").count() == 0
        assert page.locator("iframe").count() == 0


def slideshow_state(page):
    return page.evaluate(
        """() => {
            const root = document.querySelector('[data-slideshow]');
            const shown = [...root.querySelectorAll('.slideshow__slide')]
                .filter((slide) => slide.checkVisibility());
            return {
                current: root.dataset.current,
                rotating: root.dataset.rotating,
                shown: shown.map((slide) => slide.getAttribute('aria-label')),
                status: root.querySelector('.slideshow__status').textContent,
                pressed: root.querySelector('.slideshow-nav a[aria-current=true]')?.textContent,
            };
        }"""
    )


def test_the_slideshow_buttons_move_between_slides_and_the_indicator_follows(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, None, reduced_motion="reduce") as page:
        page.clock.install()
        page.goto(SLIDESHOW)
        root = page.locator("[data-slideshow]")
        expect(root).to_have_attribute("data-current", "1")
        state = slideshow_state(page)
        assert state["rotating"] == "false", "no auto-advance when reduced motion is asked for"
        assert len(state["shown"]) == 1 and state["pressed"] == "1"
        assert re.search(r"\b1\D+8\b", state["status"]), state

        page.locator("[data-action=next]").click()
        expect(root).to_have_attribute("data-current", "2")
        state = slideshow_state(page)
        assert re.search(r"\b2\D+8\b", state["status"]) and state["pressed"] == "2"
        assert state["shown"] == [page.locator("#slide-2").get_attribute("aria-label")]

        previous = page.locator("[data-action=previous]")
        previous.click()
        previous.click()  # wraps round from the first to the last
        expect(root).to_have_attribute("data-current", "8")
        page.locator(".slideshow-nav").get_by_role("link", name=re.compile(r"\b3\D+8")).click()
        expect(root).to_have_attribute("data-current", "3")

        # Keyboard: the arrow keys on the slides, Enter on the buttons.
        page.locator(".slideshow-track").focus()
        page.keyboard.press("ArrowRight")
        expect(root).to_have_attribute("data-current", "4")
        previous.focus()
        page.keyboard.press("Enter")
        expect(root).to_have_attribute("data-current", "3")
        page.clock.run_for(60_000)
        expect(root).to_have_attribute("data-current", "3")
        assert not page.problems, page.problems


def test_the_slideshow_advances_by_itself_until_paused(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, None) as page:
        page.clock.install()
        page.goto(SLIDESHOW)
        root = page.locator("[data-slideshow]")
        expect(root).to_have_attribute("data-rotating", "true")
        rotation = page.locator("[data-action=rotation]")
        assert rotation.is_visible() and rotation.bounding_box()["height"] >= 24
        page.clock.run_for(6_500)
        expect(root).to_have_attribute("data-current", "2")
        assert page.locator(".slideshow-track").get_attribute("aria-live") == "off"

        # The pointer over it holds it; leaving lets it go on.
        page.locator(".slideshow-track").hover()
        page.clock.run_for(20_000)
        expect(root).to_have_attribute("data-current", "2")
        page.mouse.move(0, 0)
        page.clock.run_for(6_500)
        expect(root).to_have_attribute("data-current", "3")

        label = rotation.inner_text()
        rotation.click()
        expect(root).to_have_attribute("data-rotating", "false")
        assert rotation.inner_text() != label, "the button now offers to play"
        assert page.locator(".slideshow-track").get_attribute("aria-live") == "polite"
        page.mouse.move(0, 0)
        page.clock.run_for(60_000)
        expect(root).to_have_attribute("data-current", "3")

        rotation.click()  # play again: the next slide comes at once
        expect(root).to_have_attribute("data-current", "4")
        page.mouse.move(0, 0)
        expect(root).to_have_attribute("data-rotating", "true")
        page.clock.run_for(6_500)
        expect(root).to_have_attribute("data-current", "5")
        assert not page.problems, page.problems


def test_focus_in_the_slideshow_holds_it(browser, site):  # noqa: F811
    from playwright.sync_api import expect

    with open_page(browser, site, None) as page:
        page.clock.install()
        page.goto(SLIDESHOW)
        root = page.locator("[data-slideshow]")
        expect(root).to_have_attribute("data-rotating", "true")
        page.locator(".slideshow-nav a").first.focus()
        expect(root).to_have_attribute("data-rotating", "false")
        page.clock.run_for(30_000)
        expect(root).to_have_attribute("data-current", "1")


def test_without_javascript_every_slide_is_there_with_its_number(browser, site):  # noqa: F811
    with open_page(browser, site, SLIDESHOW, javascript=False) as page:
        slides = page.locator(".slideshow__slide")
        assert slides.count() == 8
        for number in range(1, 9):
            slide = slides.nth(number - 1)
            assert slide.get_attribute("role") == "group"
            assert slide.get_attribute("aria-roledescription")
            assert re.search(rf"\b{number}\D+8\b", slide.get_attribute("aria-label"))
            assert not slide.get_attribute("hidden")
            slide.scroll_into_view_if_needed()
            number_badge = slide.locator(".slideshow__number")
            assert number_badge.is_visible() and number_badge.inner_text() == f"{number}/8"
            assert slide.locator("img").is_visible()
        assert not page.locator(".slideshow__controls").is_visible(), "no dead buttons"
        # The numbered links still take the reader to each slide.
        page.locator(".slideshow-nav a").nth(5).click()
        box = page.locator("#slide-6").bounding_box()
        assert 0 <= box["x"] < 100, "slide 6 scrolled to the start of the track"


MEDIA_PAGES = {
    "video": (VIDEO, True),
    "video-en": (VIDEO_EN, True),
    "youtube": (YOUTUBE, True),
    "youtube-nojs": (YOUTUBE, False),
    "slideshow": (SLIDESHOW, True),
    "slideshow-nojs": (SLIDESHOW, False),
    "gallery": (GALLERY, True),
}


@pytest.mark.parametrize("path, javascript", MEDIA_PAGES.values(), ids=MEDIA_PAGES.keys())
def test_media_pages_pass_axe_in_both_themes_at_both_widths(browser, site, path, javascript):  # noqa: F811
    found = {}
    for theme in THEMES:
        for width_name, width in WIDTHS.items():
            with open_page(browser, site, None, theme=theme, width=width) as page:
                if not javascript:
                    # The page as served, its own scripts refused: axe itself still runs
                    # (with JavaScript off in the browser, Playwright cannot inject it).
                    page.route(re.compile(r"\.js(\?|$)"), lambda route: route.abort())
                page.goto(path)
                problems = reader_problems(page)
                if problems:
                    found[f"{theme} theme, {width_name}"] = problems
    assert not found, found
