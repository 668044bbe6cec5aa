"""Alt text on English pages and in the API is English, or Vietnamese marked ``lang="vi"``
(issue 11): never Vietnamese text presented as English."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from articles.models import ArticlePage, SlideshowPage
from images.models import PortalImage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_demo")]


class Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def images_on(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    parser = Images()
    parser.feed(response.content.decode())
    return parser.images


def english_alt_texts():
    return set(PortalImage.objects.exclude(alt_text_en="").values_list("alt_text_en", flat=True))


def assert_english_or_marked(images):
    english = english_alt_texts()
    assert images
    for image in images:
        alt = image.get("alt")
        assert alt is not None, image
        if alt and image.get("lang") != "vi":
            assert alt in english, f"{image.get('src')}: {alt!r} is not marked as Vietnamese"
        if image.get("lang") == "vi":
            assert alt not in english, image


def english_slideshow():
    return SlideshowPage.objects.get(locale__language_code="en", slug="slideshow")


def untranslate(image):
    """The image's alt text has no English translation yet."""
    PortalImage.objects.filter(pk=image.pk).update(alt_text_en="")


def test_english_slideshow_gives_english_alt_or_marks_vietnamese(demo):
    page = english_slideshow()
    first, second = page.slides.select_related("image").order_by("pk")[:2]
    untranslate(first.image)
    images = images_on(page.url)
    assert_english_or_marked(images)
    slides = {i["alt"]: i for i in images if "fill-1280x720" in i.get("src", "")}
    assert slides[first.image.description]["lang"] == "vi"
    assert slides[second.image.alt_text_en]["lang"] == "en"


def english_article_with_hero(alt_text_en):
    """An English article whose hero image (Vietnamese alt text) has ``alt_text_en``."""
    image = PortalImage.objects.exclude(description="").filter(decorative=False).first()
    PortalImage.objects.filter(pk=image.pk).update(alt_text_en=alt_text_en)
    article = ArticlePage.objects.filter(locale__language_code="en").first()
    ArticlePage.objects.filter(pk=article.pk).update(hero_image=image)
    return ArticlePage.objects.select_related("hero_image").get(pk=article.pk)


def test_english_article_hero_without_english_alt_is_marked_vietnamese(demo):
    article = english_article_with_hero(alt_text_en="")
    hero = [i for i in images_on(article.url) if "max-1280x1280" in i.get("src", "")]
    assert hero and hero[0]["alt"] == article.hero_image.description
    assert hero[0]["lang"] == "vi"
    assert_english_or_marked(images_on(article.get_parent().url))  # the listing's thumbnails


def test_english_article_hero_gives_english_alt_once_translated(demo):
    article = english_article_with_hero(alt_text_en="Officials at work")
    hero = [i for i in images_on(article.url) if "max-1280x1280" in i.get("src", "")]
    assert hero[0]["alt"] == "Officials at work" and hero[0].get("lang") != "vi"


def test_english_home_teasers_and_slideshow_widget(demo):
    slides = english_slideshow().slides.select_related("image")
    untranslate(slides[0].image)
    images = images_on("/en/")
    assert_english_or_marked(images)
    assert any(i.get("lang") == "vi" for i in images)


def test_english_slideshow_api_gives_english_alt_with_its_language(demo):
    page = english_slideshow()
    translated, untranslated = page.slides.select_related("image").order_by("pk")[:2]
    untranslate(untranslated.image)
    response = Client().get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200
    slides = {slide["id"]: slide for slide in response.json()["slides"]}
    slide = slides[translated.pk]
    assert (slide["alt"], slide["alt_lang"]) == (translated.image.alt_text_en, "en")
    assert (slide["image"]["alt"], slide["image"]["lang"]) == (slide["alt"], "en")
    slide = slides[untranslated.pk]
    assert (slide["alt"], slide["alt_lang"]) == (untranslated.image.description, "vi")
    assert (slide["image"]["alt"], slide["image"]["lang"]) == (slide["alt"], "vi")
