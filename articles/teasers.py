"""Home-page teasers for this app's pages: featured videos, photo galleries and a slideshow.

Each block builds its data once (``build``, see ``widgets.base``): the template renders that
object and the API returns it serialised. The image instance and the slides a template needs
beside the API data are private attributes of the same object."""

from functools import cached_property

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy
from ninja import Field, Schema
from pydantic import PrivateAttr
from wagtail import blocks
from wagtail.models import Page

from headless.language import written_in
from headless.pages import exclude_private, in_active_language
from headless.schemas import ImageWithRenditions, image_data
from widgets.base import WidgetBlock

SLIDES_SHOWN = 4  # a slideshow's first slides on the home page, in a grid


class PageTeaserData(Schema):
    id: int
    title: str
    url: str | None
    image: ImageWithRenditions | None = Field(description="the page's listing image")

    _page = PrivateAttr(None)
    _picture = PrivateAttr(None)

    @property
    def content_language(self):
        """For ``{{ teaser|lang_attr }}``: the page's language (an untranslated page keeps
        its Vietnamese title on the English site)."""
        return written_in(self._page)

    @property
    def picture(self):
        """The listing image itself, for the template's ``{% image %}``."""
        return self._picture

    @classmethod
    def of(cls, page, context):
        """The teaser of ``page``; alt text in the language of the page that holds the block
        (``context["language"]``) or the active one. Renditions come from Wagtail's cache."""
        context = context or {}
        image = page.listing_image()
        shape = image_data(image, context.get("language"), context.get("request"))
        teaser = cls(id=page.pk, title=page.title, url=page.url, image=shape)
        teaser._page, teaser._picture = page, image
        return teaser


class PageTeasersData(Schema):
    heading: str
    pages: list[PageTeaserData]
    more_url: str | None


class SlideshowData(Schema):
    heading: str
    page: PageTeaserData | None

    @cached_property
    def slides(self):
        """For the page only: the API gives the slideshow page, whose own API has its slides."""
        return self.page._page.slides_for_display() if self.page else []

    @property
    def heading_language(self):
        """The heading's language when it is the slideshow's title (no heading of its own)."""
        if self.page is not None and self.heading == self.page.title:
            return self.page.content_language
        return ""

    @property
    def shown_slides(self):
        """The slides the home page shows; the slideshow page has them all."""
        return self.slides[:SLIDES_SHOWN]

    @property
    def more_slides(self):
        """How many slides only the slideshow page shows."""
        return max(len(self.slides) - SLIDES_SHOWN, 0)


def live_pages(chosen):
    """The chosen pages that are live and public, specific, in the reader's language where
    translated (the English home page's blocks name the Vietnamese pages), in the editor's
    order. One query checks they are public; a page type's ``listing_prefetch`` (what its
    ``listing_image()`` reads) is loaded for all its pages at once."""
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
            prefetch_related_objects([p for p in pages if type(p) is page_class], *lookups)
    return pages


class PageTeasersBlock(WidgetBlock):
    """Chosen pages of one type (``page_type``) with a link to their index (``index_type``);
    ``labels`` name a page, the list and the index in the editor's form."""

    api_schema = PageTeasersData
    cache_topics = ("pages",)  # see widgets.fragments
    distinct_list = "pages"
    duplicate_message = gettext_lazy("This page is already in the list.")
    page_type = index_type = ""
    labels = ("", "", "")

    class Meta:
        template = "articles/blocks/page_teasers.html"
        preview_value = {}

    def __init__(self, local_blocks=None, **kwargs):
        page_label, pages_label, more_label = self.labels
        chooser = blocks.PageChooserBlock(page_type=self.page_type, label=page_label)
        more = blocks.PageChooserBlock(page_type=self.index_type, required=False, label=more_label)
        own = [("pages", blocks.ListBlock(chooser, label=pages_label, min_num=1)), ("more", more)]
        super().__init__(own + list(local_blocks or ()), **kwargs)

    def build(self, value, context=None):
        more = value.get("more")
        pages = live_pages(value.get("pages") or [])
        # Constructed, not validated again: validation would copy the teasers without their
        # private attributes (each teaser is validated as it is made).
        return PageTeasersData.model_construct(
            heading=self.heading_text(value),
            pages=[PageTeaserData.of(page, context) for page in pages],
            more_url=more.url if more is not None and more.live else None,
        )


class FeaturedVideosBlock(PageTeasersBlock):
    default_heading = gettext_lazy("Videos")
    page_type, index_type = "articles.VideoPage", "articles.VideoIndexPage"
    labels = (gettext_lazy("Video"), gettext_lazy("Videos"), gettext_lazy("All videos page"))

    class Meta:
        icon = "media"
        label = gettext_lazy("Featured videos")
        description = gettext_lazy("Chosen videos with a link to all videos.")


class GalleryTeaserBlock(PageTeasersBlock):
    default_heading = gettext_lazy("Activity photos")
    page_type, index_type = "articles.GalleryPage", "articles.GalleryIndexPage"
    labels = (
        gettext_lazy("Gallery"),
        gettext_lazy("Galleries"),
        gettext_lazy("All galleries page"),
    )

    class Meta:
        icon = "image"
        label = gettext_lazy("Photo galleries")
        description = gettext_lazy("Chosen photo galleries, each with its cover image.")


class SlideshowBlock(WidgetBlock):
    api_schema = SlideshowData
    cache_topics = ("pages",)  # see widgets.fragments
    slideshow = blocks.PageChooserBlock(
        page_type="articles.SlideshowPage", label=gettext_lazy("Slideshow")
    )

    class Meta:
        icon = "image"
        template = "articles/blocks/slideshow_teaser.html"
        label = gettext_lazy("Slideshow")
        description = gettext_lazy("The slides of a slideshow page, shown one after another.")
        preview_value = {}

    def build(self, value, context=None):
        pages = live_pages([value.get("slideshow")])
        page = PageTeaserData.of(pages[0], context) if pages else None
        heading = value.get("heading") or (page.title if page else "")
        return SlideshowData.model_construct(heading=heading, page=page)  # as above


def teaser_blocks():
    """``(name, block)`` pairs of the teasers, for a StreamField beside ``widget_blocks()``."""
    return [
        ("featured_videos", FeaturedVideosBlock()),
        ("gallery_teaser", GalleryTeaserBlock()),
        ("slideshow", SlideshowBlock()),
    ]
