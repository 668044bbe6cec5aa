"""Activity photos ("Hình hoạt động"): galleries of ordered, captioned images."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from headless.fields import ImageField, typed

from .mixins import (
    PROMOTE_API_FIELDS,
    THUMBNAIL,
    EditorialIndexPage,
    EditorialPageMixin,
    PageImage,
    optional_image,
    search_fields_for,
)


class GalleryIndexPage(EditorialIndexPage):
    subpage_types = ["articles.GalleryPage"]
    empty_listing_text = _("No galleries yet.")

    class Meta:
        verbose_name = _("gallery index")
        verbose_name_plural = _("gallery indexes")


class GalleryPage(EditorialPageMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), blank=True)
    cover_image = optional_image(
        _("cover image"), _("Shown in gallery lists; the first photo is used if empty.")
    )

    parent_page_types = ["articles.GalleryIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        InlinePanel("gallery_images", label=_("Photos"), min_num=1),
    ]
    promote_panels = EditorialPageMixin.promote_panels
    search_fields = search_fields_for(
        index.SearchField("intro"),
        index.FilterField("date"),
        index.RelatedFields("gallery_images", [index.SearchField("caption")]),
    )
    unaccented_search_fields = ("title", "intro", "captions_text")
    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("cover", serializer=ImageRenditionField(THUMBNAIL)),
        APIField("gallery_images"),
        *PROMOTE_API_FIELDS,
    ]

    class Meta:
        verbose_name = _("photo gallery")
        verbose_name_plural = _("photo galleries")

    @property
    def cover(self):
        if self.cover_image_id:
            return self.cover_image
        first = self.gallery_images.select_related("image").first()
        return first.image if first else None

    listing_prefetch = ("cover_image",)

    def listing_image(self):
        return self.cover

    def captions_text(self):
        return " ".join(item.caption for item in self.gallery_images.all())

    def photos(self):
        return self.gallery_images.select_related("image")


class GalleryImage(PageImage):
    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="gallery_images")
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("decorative"),
        FieldPanel("caption"),
    ]
    api_fields = [
        # The one image shape of every response, its alt text in the gallery's language.
        APIField("image", serializer=ImageField()),
        APIField("thumbnail", serializer=ImageRenditionField(THUMBNAIL, source="image")),
        APIField("alt", serializer=typed(str)),
        APIField("alt_lang", serializer=typed(str)),
        APIField("caption"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("gallery photo")
        verbose_name_plural = _("gallery photos")
        ordering = ["sort_order"]

    def __str__(self):
        return self.caption or self.alt_text or str(self.image_id)
