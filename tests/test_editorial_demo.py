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
        assert photo.alt_text and not photo.decorative
        with photo.image.open_file() as f, Image.open(f) as picture:
            assert picture.format == "JPEG"
            assert picture.size[0] >= 640


def test_demo_slideshow_has_eight_slides_in_order(demo):
    slideshow = SlideshowPage.objects.get(locale__language_code="vi")
    titles = [slide.title for slide in slideshow.slides_for_display()]
    assert titles == [f"Slideshow Image {n}" for n in range(1, 9)]


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
