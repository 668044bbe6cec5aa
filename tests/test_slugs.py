"""Slugs of new pages: Vietnamese titles become ASCII slugs, a taken slug never costs an
editor a server error or their work (issue 11). The browser side is in
test_admin_slugs_browser.py."""

import json
import re
import unicodedata

import pytest
from django.urls import reverse
from wagtail.blocks.base import BlockField
from wagtail.models import Page

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    GalleryIndexPage,
    GalleryPage,
    SlideshowPage,
    VideoIndexPage,
    VideoPage,
)
from articles.search import unaccent
from articles.slugs import free_slug, slug_for, slug_formatters, transliteration_table
from home.models import HomePage

from .fixtures_workflow import article_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_demo")]

TITLES = {
    "Khởi công cầu Rạch Miễu 2 nối đôi Bến Tre – Tiền Giang": (
        "khoi-cong-cau-rach-mieu-2-noi-doi-ben-tre-tien-giang"
    ),
    "Đẩy mạnh cải cách hành chính, giai đoạn 2021 – 2025": (
        "day-manh-cai-cach-hanh-chinh-giai-doan-2021-2025"
    ),
    "“Đường ĐT 864” được nâng cấp_": "duong-dt-864-duoc-nang-cap",
    "Tiến Giang": "tien-giang",
}

# Every Vietnamese vowel with every tone, "đ", upper and lower case.
VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # huyền sắc hỏi ngã nặng
VIETNAMESE_LETTERS = [
    unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES
] + ["đ"]


# --- the rule -------------------------------------------------------------------------


@pytest.mark.parametrize("title, slug", TITLES.items())
def test_a_vietnamese_title_makes_an_ascii_slug(title, slug):
    assert slug_for(title) == slug
    # Typed with combining marks (decomposed) it is the same slug.
    assert slug_for(unicodedata.normalize("NFD", title)) == slug


def test_the_browser_table_covers_every_vietnamese_letter_as_the_server_folds_it():
    table = transliteration_table()
    for letter in VIETNAMESE_LETTERS + [letter.upper() for letter in VIETNAMESE_LETTERS]:
        if letter.lower() in "aeiouy":
            continue  # plain ASCII vowels need no table entry
        assert table[letter] == unaccent(letter) == slug_for(letter), letter


def _apply_formatters(text):
    """The formatters as the w-slug controller runs them (JS ``replaceAll`` of each regex in
    order); these patterns mean the same in Python's ``re`` and in JavaScript."""
    for pattern, replacement in slug_formatters():
        text = re.sub(pattern, replacement, text)
    return text


@pytest.mark.parametrize("title", TITLES)
def test_the_browser_formatters_leave_only_ascii_letters_of_the_servers_slug(title):
    for form in ("NFC", "NFD"):
        formatted = _apply_formatters(unicodedata.normalize(form, title))
        assert all(ch.isascii() or not ch.isalnum() for ch in formatted), formatted
        assert not any(unicodedata.combining(ch) for ch in formatted), formatted
        assert re.sub(r"[^a-z0-9]+", "-", formatted.lower()).strip("-") == slug_for(title)


# --- free slugs -----------------------------------------------------------------------


def _news(language="vi"):
    return ArticleIndexPage.objects.get(locale__language_code=language)


def test_free_slug_takes_the_first_unused_suffix_under_the_parent():
    news = _news()
    taken = news.get_children().first().slug
    assert free_slug(news, "nothing-here-yet") == "nothing-here-yet"
    assert free_slug(news, taken) == f"{taken}-2"
    assert free_slug(news, taken, page=news.get_children().first()) == taken


def test_free_slug_stays_within_the_slug_length():
    news = _news()
    long_slug = "a" * 255
    news.add_child(instance=ArticlePage(title="A", slug=long_slug, date="2021-10-12"))
    slug = free_slug(news, long_slug)
    assert slug.endswith("-2") and len(slug) == 255


def test_titles_differing_only_in_tone_never_share_an_address():
    """ASCII drops tones: "Tiền" and "Tiến" both give "tien"; the second page gets "-2"."""
    news = _news()
    first = news.add_child(instance=ArticlePage(title="Tiền Giang", date="2021-10-12"))
    second = news.add_child(instance=ArticlePage(title="Tiến Giang", date="2021-10-12"))
    assert (first.slug, second.slug) == ("tien-giang", "tien-giang-2")
    assert first.url != second.url


def test_cleaning_an_unsaved_page_with_no_parent_is_no_server_error():
    """The admin's add form cleans the new page before it is in the tree."""
    page = ArticlePage(title="Đẩy mạnh cải cách hành chính", date="2021-10-12")
    with pytest.raises(Exception) as raised:
        page.full_clean()
    assert not isinstance(raised.value, AttributeError)
    page.minimal_clean()  # what a draft save runs: no parent yet, no slug yet, no error
    assert page.slug == ""


# --- the admin's add form -------------------------------------------------------------

# Page type -> (its parent in the vi tree, in the en tree).
EDITORIAL = {
    ArticlePage: (ArticleIndexPage, ArticleIndexPage),
    GalleryPage: (GalleryIndexPage, GalleryIndexPage),
    VideoPage: (VideoIndexPage, VideoIndexPage),
    SlideshowPage: (HomePage, HomePage),
    ArticleIndexPage: (HomePage, HomePage),
    GalleryIndexPage: (HomePage, HomePage),
    VideoIndexPage: (HomePage, HomePage),
}


def _parent(model, language):
    parent_model = EDITORIAL[model][0]
    return parent_model.objects.get(locale__language_code=language)


def _add_url(model, parent):
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk))


# What an editor gives besides a title before a page type can be saved as a draft.
DRAFT_MINIMUM = {VideoPage: {"video_url": "https://www.youtube.com/watch?v=abc123"}}


def draft_data(model, parent, title, slug):
    """What the add form posts for a draft with only a title: the fields' initial values
    (today's date), every formset and StreamField empty (a draft defers required fields)."""
    form_class = model.get_edit_handler().get_form_class()
    form = form_class(instance=model(), parent_page=parent)
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            data[f"{name}-count"] = "0"
        elif (value := form[name].value()) not in (None, "", [], False):
            data[name] = value if isinstance(value, list) else str(value)
    data.update(DRAFT_MINIMUM.get(model, {}), title=title, slug=slug)
    for formset in form.formsets.values():
        prefix = formset.prefix
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
        data.update({f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    return data


def _autosave(client, url, data):
    return client.post(url, data, headers={"accept": "application/json"})


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("model", EDITORIAL, ids=lambda model: model.__name__)
def test_a_duplicate_title_saves_as_a_draft_with_a_free_slug(admin_client, model, language):
    parent = _parent(model, language)
    url = _add_url(model, parent)
    title = "Khởi công cầu Rạch Miễu 2 nối đôi Bến Tre – Tiền Giang"
    slug = slug_for(title)

    first = admin_client.post(url, draft_data(model, parent, title, slug))
    assert first.status_code == 302
    second = admin_client.post(url, draft_data(model, parent, title, slug))
    assert second.status_code == 302, second.content.decode()[:2000]
    slugs = sorted(
        model.objects.child_of(parent).filter(title=title).values_list("slug", flat=True)
    )
    assert slugs == [slug, f"{slug}-2"]


@pytest.mark.parametrize("model", EDITORIAL, ids=lambda model: model.__name__)
def test_autosave_of_a_duplicate_title_saves_and_sends_the_free_slug_back(admin_client, model):
    parent = _parent(model, "vi")
    url = _add_url(model, parent)
    title = "Tiền Giang đẩy mạnh chuyển đổi số"
    slug = slug_for(title)
    assert _autosave(admin_client, url, draft_data(model, parent, title, slug)).status_code == 200

    # A second page with the same title: the first one is an abandoned autosaved draft.
    response = _autosave(admin_client, url, draft_data(model, parent, title, slug))
    assert response.status_code == 200, response.content.decode()[:2000]
    body = response.json()
    assert body["success"] is True
    assert body["field_updates"]["slug"] == f"{slug}-2"
    assert Page.objects.get(pk=body["pk"]).slug == f"{slug}-2"


def test_a_title_differing_only_in_tone_gets_the_next_suffix_in_the_admin(admin_client):
    parent = _news()
    url = _add_url(ArticlePage, parent)
    for title in ("Tiền Giang vào mùa", "Tiến Giang vào mùa", "Tiên Giang vào mùa"):
        assert admin_client.post(url, draft_data(ArticlePage, parent, title, slug_for(title)))
    slugs = ArticlePage.objects.child_of(parent).filter(slug__startswith="tien-giang-vao-mua")
    assert sorted(slugs.values_list("title", "slug")) == [
        ("Tiên Giang vào mùa", "tien-giang-vao-mua-3"),
        ("Tiến Giang vào mùa", "tien-giang-vao-mua-2"),
        ("Tiền Giang vào mùa", "tien-giang-vao-mua"),
    ]


def test_a_draft_posted_without_a_slug_is_a_field_error_not_a_server_error(admin_client):
    """Wagtail requires the slug; the browser fills it from the title. Without one the
    form says so (before, cleaning the parentless new page raised AttributeError: a 500)."""
    parent = _news()
    data = draft_data(ArticlePage, parent, "Đường đê bao Gò Công", "")
    response = admin_client.post(_add_url(ArticlePage, parent), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["slug"]
    assert "Đường đê bao Gò Công" in response.content.decode()


def test_a_page_saved_without_a_slug_outside_the_admin_gets_the_transliterated_one():
    news = _news()
    page = news.add_child(instance=ArticlePage(title="Đường đê bao Gò Công", date="2021-10-12"))
    assert page.slug == "duong-de-bao-go-cong"


def test_a_taken_slug_the_editor_typed_is_a_field_error_that_keeps_the_form(admin_client):
    parent = _news()
    taken = parent.get_children().first().slug
    title = "Một tiêu đề hoàn toàn khác"
    response = admin_client.post(
        _add_url(ArticlePage, parent), draft_data(ArticlePage, parent, title, taken)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{taken}" in html and "Một tiêu đề hoàn toàn khác" in html  # nothing typed is lost
    form = response.context["form"]
    assert list(form.errors) == ["slug"]

    autosave = _autosave(
        admin_client, _add_url(ArticlePage, parent), draft_data(ArticlePage, parent, title, taken)
    )
    assert autosave.status_code == 400
    assert json.loads(autosave.content)["error_code"] == "validation_error"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_publishing_a_duplicate_article_publishes_it_under_a_free_slug(admin_client, language):
    parent = _news(language)
    seed = ArticlePage.objects.child_of(parent).live().order_by("pk").first()
    slug = slug_for(seed.title)
    seed.slug = slug  # the demo cuts long slugs; this one is exactly what the title makes
    seed.save()

    data = {**article_form(seed.title, slug), "action-publish": "action-publish"}
    response = admin_client.post(_add_url(ArticlePage, parent), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ArticlePage.objects.child_of(parent).get(title=seed.title, slug=f"{slug}-2")
    assert page.live
    assert admin_client.get(page.url).status_code == 200
