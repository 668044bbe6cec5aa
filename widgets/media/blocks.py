"""Teaser blocks for editorial pages defined elsewhere: featured videos, a gallery teaser and
a slideshow.

The page types are named by string (``articles.VideoPage`` …) so this app never imports the
app that defines them. Pages are shown through what every page has (title, URL) plus, when
the page offers it, ``listing_image()`` and, for slideshows, ``slides_for_display()``."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Schema
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from headless.pages import exclude_private, in_active_language
from headless.schemas import ImageWithRenditions, image_data, images_data

VIDEO_PAGE = "articles.VideoPage"
VIDEO_INDEX_PAGE = "articles.VideoIndexPage"
GALLERY_PAGE = "articles.GalleryPage"
GALLERY_INDEX_PAGE = "articles.GalleryIndexPage"
SLIDESHOW_PAGE = "articles.SlideshowPage"


class PageTeaserData(Schema):
    id: int
    title: str
    url: str | None
    image: ImageWithRenditions | None = Field(description="the page's listing image")


class PageTeasersData(Schema):
    heading: str
    pages: list[PageTeaserData]
    more_url: str | None


class PageTeaser:
    def __init__(self, page):
        self.page = page
        self.title = page.title
        self.url = page.url

    @cached_property
    def image(self):
        listing_image = getattr(self.page, "listing_image", None)
        return listing_image() if callable(listing_image) else None

    def as_data(self, images=None):
        """JSON-compatible data matching :class:`PageTeaserData`; ``images`` is
        ``images_data`` of the teasers' images (one batch for the whole list)."""
        image = self.image
        if image is None:
            shape = None
        elif images is not None and image.pk in images:
            shape = images[image.pk]
        else:
            shape = image_data(image)
        return {"id": self.page.pk, "title": self.title, "url": self.url, "image": shape}


def teasers_data(teasers, context=None):
    """``as_data`` of each teaser, their images read in one batch, alt text in the language
    of the page that holds the block (``context["language"]``) or the active one."""
    context = context or {}
    images = images_data(
        (teaser.image.pk for teaser in teasers if teaser.image is not None),
        context.get("language"),
        context.get("request"),
    )
    return [teaser.as_data(images) for teaser in teasers]


def live_pages(chosen):
    """The chosen pages that are live and public, specific, in the editor's order.

    The chooser has just loaded the pages (specific when it offers one page type); one query
    checks they are public, and a page type's ``listing_prefetch`` (the relations its
    ``listing_image()`` reads) is loaded for all the pages at once."""
    # In the reader's language where the page is translated (the English home page's blocks
    # name the Vietnamese pages).
    pages = in_active_language(page.specific for page in chosen if page is not None and page.live)
    if not pages:
        return []
    public = set(
        exclude_private(Page.objects.filter(pk__in=[page.pk for page in pages])).values_list(
            "pk", flat=True
        )
    )
    pages = [page for page in pages if page.pk in public]
    for page_class in {type(page) for page in pages}:
        lookups = getattr(page_class, "listing_prefetch", ())
        if lookups:
            same_type = [page for page in pages if type(page) is page_class]
            prefetch_related_objects(same_type, *lookups)
    return [PageTeaser(page) for page in pages]


class PageTeasersBlock(blocks.StructBlock):
    api_schema = PageTeasersData
    cache_topics = ("pages",)  # see widgets.fragments
    default_heading = ""

    def clean(self, value):
        value = super().clean(value)
        errors, seen = {}, set()
        for index, page in enumerate(value.get("pages") or []):
            if page is not None and page.pk in seen:
                errors[index] = ValidationError(_("This page is already in the list."))
            if page is not None:
                seen.add(page.pk)
        if errors:
            raise StructBlockValidationError(
                block_errors={"pages": ListBlockValidationError(block_errors=errors)}
            )
        return value

    def heading_text(self, value):
        return value.get("heading") or str(self.default_heading)

    def more_url(self, value):
        more = value.get("more")
        return more.url if more is not None and more.live else None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(
            heading=self.heading_text(value),
            teasers=live_pages(value.get("pages") or []),
            more_url=self.more_url(value),
        )
        return context

    def get_api_representation(self, value, context=None):
        return {
            "heading": self.heading_text(value),
            "pages": teasers_data(live_pages(value.get("pages") or []), context),
            "more_url": self.more_url(value),
        }


def _heading():
    return blocks.CharBlock(
        label=gettext_lazy("Heading"),
        required=False,
        help_text=gettext_lazy("Leave blank for the standard heading."),
    )


class FeaturedVideosBlock(PageTeasersBlock):
    default_heading = gettext_lazy("Videos")
    heading = _heading()
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=VIDEO_PAGE, label=gettext_lazy("Video")),
        label=gettext_lazy("Videos"),
        min_num=1,
    )
    more = blocks.PageChooserBlock(
        page_type=VIDEO_INDEX_PAGE, required=False, label=gettext_lazy("All videos page")
    )

    class Meta:
        icon = "media"
        template = "widgets/blocks/page_teasers.html"
        label = gettext_lazy("Featured videos")
        description = gettext_lazy("Chosen videos with a link to all videos.")
        preview_value = {}


class GalleryTeaserBlock(PageTeasersBlock):
    default_heading = gettext_lazy("Activity photos")
    heading = _heading()
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=GALLERY_PAGE, label=gettext_lazy("Gallery")),
        label=gettext_lazy("Galleries"),
        min_num=1,
    )
    more = blocks.PageChooserBlock(
        page_type=GALLERY_INDEX_PAGE, required=False, label=gettext_lazy("All galleries page")
    )

    class Meta:
        icon = "image"
        template = "widgets/blocks/page_teasers.html"
        label = gettext_lazy("Photo galleries")
        description = gettext_lazy("Chosen photo galleries, each with its cover image.")
        preview_value = {}


class SlideshowData(Schema):
    heading: str
    page: PageTeaserData | None


class SlideshowBlock(blocks.StructBlock):
    api_schema = SlideshowData
    cache_topics = ("pages",)  # see widgets.fragments
    heading = _heading()
    slideshow = blocks.PageChooserBlock(page_type=SLIDESHOW_PAGE, label=gettext_lazy("Slideshow"))

    class Meta:
        icon = "image"
        template = "widgets/blocks/slideshow.html"
        label = gettext_lazy("Slideshow")
        description = gettext_lazy("The slides of a slideshow page, shown one after another.")
        preview_value = {}

    def teaser(self, value):
        teasers = live_pages([value.get("slideshow")])
        return teasers[0] if teasers else None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        teaser = self.teaser(value)
        slides = getattr(teaser.page, "slides_for_display", None) if teaser else None
        context.update(
            heading=value.get("heading") or (teaser.title if teaser else ""),
            teaser=teaser,
            slides=list(slides()) if callable(slides) else [],
        )
        return context

    def get_api_representation(self, value, context=None):
        teaser = self.teaser(value)
        return {
            "heading": value.get("heading") or (teaser.title if teaser else ""),
            "page": teasers_data([teaser], context)[0] if teaser else None,
        }
