"""Slideshows ("Slideshow Image 1…8"): ordered slides that the reader moves through."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from headless.fields import ImageField, typed

from .mixins import PROMOTE_API_FIELDS, EditorialPageMixin, PageImage, search_fields_for


class SlideshowPage(EditorialPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = []  # placed by the site's app: headless.pages.place_under
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("slides", label=_("Slides"), min_num=1),
    ]
    promote_panels = EditorialPageMixin.promote_panels
    search_fields = search_fields_for(
        index.SearchField("intro"),
        index.RelatedFields("slides", [index.SearchField("title"), index.SearchField("caption")]),
    )
    unaccented_search_fields = ("title", "intro", "slides_text")
    api_fields = [APIField("intro"), APIField("slides"), *PROMOTE_API_FIELDS]

    class Meta:
        verbose_name = _("slideshow")
        verbose_name_plural = _("slideshows")

    def slides_for_display(self):
        """The slides with their images and linked pages, read once per page instance (the
        listing image is the first of them)."""
        if getattr(self, "_slides_for_display", None) is None:
            # Slides made in code (not through the editor's panel) may share an empty
            # sort_order: their order of creation breaks the tie, on every database.
            slides = self.slides.select_related("image", "link_page").order_by("sort_order", "pk")
            self._slides_for_display = list(slides)
        return self._slides_for_display

    def slides_text(self):
        return " ".join(f"{slide.title} {slide.caption}" for slide in self.slides.all())

    def listing_image(self):
        if self.social_image_id:
            return self.social_image
        slides = self.slides_for_display()
        return slides[0].image if slides else None


class Slide(PageImage):
    page = ParentalKey(SlideshowPage, on_delete=models.CASCADE, related_name="slides")
    title = models.CharField(_("title"), max_length=255, blank=True)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField(_("link to a web address"), blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("title"),
        FieldPanel("alt_text"),
        FieldPanel("decorative"),
        FieldPanel("caption"),
        FieldPanel("link_page"),
        FieldPanel("link_url"),
    ]
    api_fields = [
        APIField("title"),
        # The one image shape of every response, its alt text in the slideshow's language.
        APIField("image", serializer=ImageField()),
        APIField("alt", serializer=typed(str)),
        APIField("alt_lang", serializer=typed(str)),
        APIField("caption"),
        APIField("link", serializer=typed(str)),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("slide")
        verbose_name_plural = _("slides")
        ordering = ["sort_order"]

    def __str__(self):
        return self.title or self.caption or str(self.image_id)

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError(
                {"link_url": _("Link either to a page or to a web address, not both.")}
            )

    @property
    def link(self):
        if self.link_page_id:
            page = self.link_page.localized
            return page.url if page.live else ""
        return self.link_url
