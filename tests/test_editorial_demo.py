"""The editorial demo content that load_demo builds, and that every page of it renders."""

import pytest
from PIL import Image
from wagtail.models import Page

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    Category,
    GalleryIndexPage,
    GalleryPage,
    SlideshowPage,
    VideoIndexPage,
    VideoPage,
)
from demo.slideshow import TITLES

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")


def test_demo_has_about_thirty_dated_articles_over_several_months(demo):
    articles = ArticlePage.objects.live().filter(locale__language_code="vi")
    assert articles.count() >= 31
    months = {(a.date.year, a.date.month) for a in articles}
    assert len(months) >= 3
    assert all(a.categories.exists() for a in articles)
    assert (
        Category.objects.filter(locale__language_code="en").count()
        == Category.objects.filter(locale__language_code="vi").count()
    )


def test_demo_gallery_has_eight_real_jpegs_with_alt_texts(demo):
    gallery = GalleryPage.objects.live().get(locale__language_code="vi")
    photos = list(gallery.photos())
    assert len(photos) >= 8
    for photo in photos:
        assert photo.alt and not photo.decorative  # the image library's alt text
        with photo.image.open_file() as f, Image.open(f) as picture:
            assert picture.format == "JPEG"
            assert picture.size[0] >= 640


def test_demo_slideshow_has_eight_slides_in_order(demo):
    slideshow = SlideshowPage.objects.get(locale__language_code="vi")
    titles = [slide.title for slide in slideshow.slides_for_display()]
    assert titles == [vietnamese for vietnamese, _english in TITLES]
    assert [slide.image.title for slide in slideshow.slides_for_display()] == [
        f"Slideshow Image {n}" for n in range(1, 9)
    ]


def test_demo_has_three_videos_one_with_captions_none_fetched(demo):
    videos = VideoPage.objects.live().filter(locale__language_code="vi")
    assert videos.count() == 3
    with_captions = [v for v in videos if v.captions_file]
    assert with_captions
    assert with_captions[0].captions_file.read().startswith(b"WEBVTT")
    assert all(v.video_file or v.video_url for v in videos)


def test_demo_indexes_and_seed_article_have_english_translations(demo):
    for model in (ArticleIndexPage, GalleryIndexPage, VideoIndexPage, SlideshowPage):
        vi = model.objects.get(locale__language_code="vi")
        english = vi.get_translations().filter(locale__language_code="en").first()
        assert english is not None and english.live, model


def test_every_demo_page_renders(demo, client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url


def test_demo_articles_with_tables_show_accessible_tables(demo, client):
    articles = ArticlePage.objects.live().filter(locale__language_code="vi")
    with_tables = [a for a in articles if any(b.block_type == "table" for b in a.body)]
    assert len(with_tables) >= 3
    for article in with_tables:
        html = client.get(article.url).content.decode()
        assert "<table>" in html and "<caption>" in html, article.url
        assert '<th scope="col">' in html
        assert "{'data'" not in html


def test_demo_has_its_static_pages_in_both_languages_in_the_menu(demo, client):
    from home.models import ContentPage

    english = {"gioi-thieu": "About us", "lien-he": "Contact", "so-do-cong": "Site map"}
    for slug, title in english.items():
        page = ContentPage.objects.live().get(slug=slug, locale__language_code="vi")
        assert page.show_in_menus
        translation = page.get_translations().get(locale__language_code="en")
        assert translation.live and translation.title == title
    vi_menu = client.get("/").content.decode().split('class="primary-nav"')[1].split("</nav>")[0]
    assert all(f">{title}</a>" in vi_menu for title in ("Giới thiệu", "Liên hệ", "Sơ đồ cổng"))
    assert ">Slideshow trang chủ</a>" not in vi_menu  # not ticked for the menu
    en_menu = client.get("/en/").content.decode().split('class="primary-nav"')[1]
    assert all(f">{title}</a>" in en_menu.split("</nav>")[0] for title in english.values())
    site_map = client.get("/en/site-map/").content.decode().split('class="site-map"')[1]
    assert ">News</a>" in site_map and ">Contact</a>" in site_map


def test_demo_gallery_in_english_has_english_alt_text(demo, client):
    gallery = GalleryPage.objects.live().get(locale__language_code="en")
    html = client.get(gallery.url).content.decode()
    assert 'alt="Green rice fields stretching under a clear blue sky"' in html
    assert "Cánh đồng lúa xanh" not in html
