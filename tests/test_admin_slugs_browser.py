"""An editor types Vietnamese titles in the Vietnamese admin (Debian's Chromium via
Playwright): the slug field shows the server's ASCII slug while typing, and a title that is
already taken never ends in a server error or lost work (issue 11)."""

import contextlib
import os
import re
import time
import unicodedata
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from wagtail.models import Page, get_page_models

from articles.models import ArticleIndexPage, ArticlePage, VideoIndexPage, VideoPage
from articles.slugs import slug_for
from home.models import HomePage
from tests.browser.fixtures import browser, site  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

USERNAME, PASSWORD = "bientap-slug", "mat-khau-Slug-2021"

THREE_TITLES = [
    "Khởi công cầu Rạch Miễu 2 nối đôi Bến Tre – Tiền Giang",
    "Tiến độ giải ngân vốn đầu tư công tháng 10/2021",
    "Đường ĐT 864 được nâng cấp, người dân phấn khởi",
]
# Every Vietnamese vowel with every tone, and "đ", in both cases.
ALL_LETTERS = (
    " ".join(
        unicodedata.normalize("NFC", vowel + tone)
        for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    )
    + " đ Đ"
)

# Set to a directory to keep screenshots of each step.
SCREENSHOTS = os.environ.get("PORTAL_SCREENSHOTS", "")


def shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"))


@pytest.fixture(scope="module")
def editor_state(browser, site, django_db_blocker):  # noqa: F811
    """A superuser who logged in through the Vietnamese login form; the browser's cookies."""
    with django_db_blocker.unblock():
        get_user_model().objects.create_superuser(USERNAME, "bientap@example.org", PASSWORD)
    context = browser.new_context(base_url=site)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture
def admin_page(browser, site, editor_state):  # noqa: F811
    """A logged-in admin tab that records every server error it meets."""
    context = browser.new_context(
        base_url=site, storage_state=editor_state, viewport={"width": 1280, "height": 1000}
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.server_errors = []
    page.on(
        "response",
        lambda r: r.status >= 500 and page.server_errors.append(f"{r.status} {r.url}"),
    )
    yield page
    context.close()


def demo_index(model, language):
    """The demo's index of ``model`` in ``language`` (the first; tests may add more: on
    PostgreSQL what the live server saved stays until the end of the module)."""
    return model.objects.filter(locale__language_code=language).order_by("path").first()


def add_url(model, parent):
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk))


def open_form(page, url):
    """Open an add form and wait, as an editor does, until Wagtail watches it for changes
    (it takes its snapshot of the form two seconds after loading; what is typed before
    that is not seen as a change, so it would not be autosaved)."""
    page.goto(url)
    page.wait_for_function(
        """() => {
            const form = document.querySelector('#page-edit-form');
            const unsaved = window.wagtail.app.getControllerForElementAndIdentifier(
                form, 'w-unsaved');
            return Boolean(unsaved && unsaved.initialFormData);
        }""",
        timeout=30_000,
    )


def type_title(page, title):
    """Select whatever the title holds and type ``title`` key by key, as an editor does
    (the field keeps the focus, so Wagtail keeps syncing the slug)."""
    field = page.locator("#id_title")
    field.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(title)


def paste_title(page, title):
    """Put ``title`` into the title field at once, as an editor pasting it from the draft
    document does (the keyup of the paste makes Wagtail sync the slug). Unlike typing, no
    keystroke can land while a first autosave turns the create form into an edit form."""
    field = page.locator("#id_title")
    field.fill(title)
    field.press("End")


def slug_value(page, expected=None):
    """The slug field's value; with ``expected``, once it holds that (or what it holds after
    waiting, so that a failing assertion shows it)."""
    if expected is not None:
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function(
                "expected => document.querySelector('#id_slug').value === expected",
                arg=expected,
                timeout=10_000,
            )
    return page.input_value("#id_slug")


def wait_for_autosave(page):
    """The autosave indicator's state once the autosaves of what was just typed answered
    (Wagtail autosaves half a second after the last change)."""
    time.sleep(1.5)
    indicator = page.locator("#w-autosave-indicator")
    page.wait_for_function(
        "() => ['saved', 'paused'].includes("
        "document.querySelector('#w-autosave-indicator')?.dataset.wAutosaveStateValue)",
        timeout=30_000,
    )
    return indicator.get_attribute("data-w-autosave-state-value")


# --- the slug while typing ----------------------------------------------------------------


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "model, parent_model",
    [(ArticlePage, ArticleIndexPage), (VideoPage, VideoIndexPage)],
    ids=["article", "video"],
)
def test_the_slug_field_shows_the_servers_ascii_slug_while_typing(
    admin_page, model, parent_model, language
):
    page = admin_page
    parent = demo_index(parent_model, language)
    open_form(page, add_url(model, parent))
    for title in THREE_TITLES:
        type_title(page, title)
        assert slug_value(page, slug_for(title)) == slug_for(title)
    assert slug_for(THREE_TITLES[0]) == "khoi-cong-cau-rach-mieu-2-noi-doi-ben-tre-tien-giang"
    # "Tiền" and "Tiến" are one ASCII word; the page that comes second gets "-2" on saving.
    type_title(page, "Tiến Giang")
    assert slug_value(page, "tien-giang") == "tien-giang"
    shot(page, f"slug-typing-{model.__name__}-{language}")
    assert page.server_errors == []


def test_the_browser_and_the_server_transliterate_every_vietnamese_letter_alike(admin_page):
    page = admin_page
    open_form(page, add_url(ArticlePage, demo_index(ArticleIndexPage, "vi")))
    for title in (ALL_LETTERS, unicodedata.normalize("NFD", THREE_TITLES[0])):
        page.fill("#id_title", "")
        type_title(page, title)
        assert slug_value(page, slug_for(title)) == slug_for(title)


def test_vietnamese_typed_into_the_slug_field_itself_is_transliterated(admin_page):
    page = admin_page
    open_form(page, add_url(ArticlePage, demo_index(ArticleIndexPage, "en")))
    page.get_by_role("tab", name="Quảng bá").click()
    page.locator("#id_slug").fill("")
    page.locator("#id_slug").type("Đồng Tháp Mười mùa nước nổi")
    page.locator("#id_slug").blur()
    assert slug_value(page, "dong-thap-muoi-mua-nuoc-noi") == "dong-thap-muoi-mua-nuoc-noi"


# --- a title that is taken ---------------------------------------------------------------


def choose_a_photo(page):
    """Pick the first photo for the page's first gallery image or slide."""
    rows = page.locator("[id$='-FORMS']")
    rows.get_by_role("button", name="Chọn một hình ảnh").first.click()
    page.locator(".modal a.image-choice").first.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"[id$='-FORMS'] input[name$='-image']\")]"
        ".some(input => input.value)"
    )


def give_a_video_address(page):
    page.fill("#id_video_url", "https://www.youtube.com/watch?v=abc123")


# What some page types need besides a title before even a draft can be saved.
BEFORE_SAVING = {
    "VideoPage": give_a_video_address,
    "GalleryPage": choose_a_photo,
    "SlideshowPage": choose_a_photo,
}
# The page types of this app: a taken title always ends in a free slug.
EDITORIAL = {
    "ArticlePage",
    "GalleryPage",
    "SlideshowPage",
    "VideoPage",
    "ArticleIndexPage",
    "GalleryIndexPage",
    "VideoIndexPage",
}
SLUG_TAKEN = "The slug '%(page_slug)s' is already in use within the parent page."
NOT_CREATED = "The page could not be created due to validation errors."


def creatable_page_types():
    """Every page type an editor can add to the demo's Vietnamese tree, with its parent."""
    tree = list(Page.objects.filter(locale__language_code="vi").specific().order_by("path"))
    root = Page.get_first_root_node()
    found = []
    for model in get_page_models():
        if not model.is_creatable:
            continue
        parents = [root] if model is HomePage else tree
        parent = next(
            (p for p in parents if model in p.specific_class.creatable_subpage_models()),
            None,
        )
        if parent is not None and model.can_create_at(parent):
            found.append((model, parent))
    return found


def fill_required_extras(page, model):
    if model.__name__ in BEFORE_SAVING:
        BEFORE_SAVING[model.__name__](page)


def save_draft(page):
    with page.expect_navigation(timeout=60_000):
        page.get_by_role("button", name="Lưu bản nháp").click()


def publish(page):
    page.get_by_role("button", name="Thao tác khác").click()
    with page.expect_navigation(timeout=60_000):
        page.get_by_role("button", name="Xuất bản", exact=True).click()


def vi(message):
    with translation.override("vi"):
        return gettext(message)


def test_every_editorial_page_type_is_creatable_in_the_demo():
    names = {model.__name__ for model, _ in creatable_page_types()}
    assert names >= EDITORIAL


def test_a_duplicate_title_of_every_page_type_saves_or_says_why(admin_page):
    """For each page type: a first page with a title, then a second one with the same
    title: autosave, save draft, publish. No server error, nothing typed lost; the second
    page is saved with a free slug ("-2"), or (page types of other apps) the form says why."""
    page = admin_page
    # A title of this run only: pages other tests in the module saved keep their slugs.
    run = uuid.uuid4().hex[:6]
    for model, parent in creatable_page_types():
        name = model.__name__
        title = f"Thử trùng tên {model._meta.verbose_name} {run} – Tiền Giang"
        slug = slug_for(title)
        url = add_url(model, parent)

        open_form(page, url)
        fill_required_extras(page, model)
        paste_title(page, title)
        wait_for_autosave(page)
        save_draft(page)
        assert page.server_errors == [], name

        open_form(page, url)
        fill_required_extras(page, model)
        paste_title(page, title)
        autosave_state = wait_for_autosave(page)
        # The autosave's field updates land after its success event: wait for the free slug.
        autosaved_slug = slug_value(page, f"{slug}-2" if name in EDITORIAL else None)
        shot(page, f"duplicate-{name}-1-autosave")
        save_draft(page)
        shot(page, f"duplicate-{name}-2-draft")
        assert page.server_errors == [], name
        assert page.input_value("#id_title") == title, name  # nothing typed is lost
        publish(page)
        shot(page, f"duplicate-{name}-3-publish")
        assert page.server_errors == [], name

        saved = dict(model.objects.child_of(parent).filter(title=title).values_list("slug", "live"))
        if name in EDITORIAL:
            assert autosave_state == "saved", name
            assert autosaved_slug == f"{slug}-2", name
            assert saved == {slug: False, f"{slug}-2": True}, name
        elif saved != {slug: False, f"{slug}-2": True}:
            # Another app's page type: the form, still holding the title, says why.
            assert page.input_value("#id_title") == title, name
            text = page.inner_text("body")
            assert vi(NOT_CREATED) in text, name
            if slug in saved:  # on the "Quảng bá" tab, with its error count
                assert vi(SLUG_TAKEN) % {"page_slug": slug} in page.content(), name


def test_the_seed_articles_title_again_autosaves_drafts_and_publishes(admin_page):
    """The walk of the issue: the seed article's title typed again, in the vi tree."""
    page = admin_page
    news = demo_index(ArticleIndexPage, "vi")
    seed = ArticlePage.objects.child_of(news).get(slug__startswith="day-manh-cai-cach")
    open_form(page, add_url(ArticlePage, news))
    paste_title(page, seed.title)
    assert wait_for_autosave(page) == "saved"
    first = slug_value(page)
    open_form(page, add_url(ArticlePage, news))
    paste_title(page, seed.title)
    assert wait_for_autosave(page) == "saved"
    time.sleep(0.3)  # the autosave's field updates land after its success event
    assert slug_value(page, f"{first}-2") == f"{first}-2"
    save_draft(page)
    publish(page)
    shot(page, "seed-title-published")
    assert page.server_errors == []
    published = ArticlePage.objects.child_of(news).get(slug=f"{first}-2")
    assert published.live and published.title == seed.title
