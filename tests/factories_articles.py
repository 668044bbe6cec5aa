"""Small builders for the editorial tests: a home page per language and the four indexes."""

import datetime
import io

from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    Category,
    GalleryIndexPage,
    SlideshowPage,
    VideoIndexPage,
)
from home.models import HomePage

WEBVTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nXin ch\xc3\xa0o.\n"


def jpeg_bytes(colour="green", size=(64, 48)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


def make_image(title="Cánh đồng lúa", alt="Cánh đồng lúa xanh", decorative=False):
    image = get_image_model()(title=title, description=alt, decorative=decorative)
    name = f"{title[:20]}.jpg"
    image.file.save(name, ImageFile(io.BytesIO(jpeg_bytes()), name=name), save=False)
    image.save()
    return image


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_site():
    """The vi home page as the default site's root, with the four editorial indexes."""
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    for child in root.get_children():
        if child.specific_class is Page:
            child.delete()
    home = HomePage(title="Trang chủ", slug="trang-chu", locale=vi)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Cổng"},
    )
    news = publish(home, ArticleIndexPage(title="Tin tức", slug="tin-tuc"))
    galleries = publish(home, GalleryIndexPage(title="Hình hoạt động", slug="hinh-hoat-dong"))
    videos = publish(home, VideoIndexPage(title="Tất cả videos", slug="videos"))
    return {"home": home, "news": news, "galleries": galleries, "videos": videos}


def make_slideshow(home, slides):
    page = SlideshowPage(title="Slideshow", slug="slideshow")
    for order, slide in enumerate(slides):
        slide.sort_order = order
    page.slides = slides
    return publish(home, page)


def make_category(name, slug, locale="vi"):
    return Category.objects.create(
        name=name, slug=slug, locale=Locale.objects.get(language_code=locale)
    )


def make_article(index, title, date=None, categories=(), **fields):
    article = ArticlePage(
        title=title, date=date or datetime.date(2021, 10, 12), signature="Văn phòng", **fields
    )
    article.categories = list(categories)
    return publish(index, article)


def translate(page, language="en", **fields):
    """A published copy of ``page`` in ``language`` (its parents translated too), with
    ``fields`` set on it."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy
