"""Slideshows ("Slideshow Image 1…8"): ordered slides that the reader moves through."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from headless.fields import ImageField, typed
from headless.pages import language_of

from .mixins import PROMOTE_API_FIELDS, EditorialPageMixin, search_fields_for


class SlideshowPage(EditorialPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
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
            self._slides_for_display = list(self.slides.select_related("image", "link_page"))
        return self._slides_for_display

    def slides_text(self):
        return " ".join(f"{slide.title} {slide.caption}" for slide in self.slides.all())

    def listing_image(self):
        if self.social_image_id:
            return self.social_image
        slides = self.slides_for_display()
        return slides[0].image if slides else None


class Slide(TranslatableMixin, Orderable):
    page = ParentalKey(SlideshowPage, on_delete=models.CASCADE, related_name="slides")
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the image's own alt text."),
    )
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

    def _page_language(self):
        locale_id = self.page.locale_id if self.page_id else self.locale_id
        return language_of(locale_id) or settings.LANGUAGE_CODE

    @property
    def alt(self):
        """The slide's own alt text, else the image's in the slideshow's language (or,
        not translated yet, in the default language: see ``alt_lang``)."""
        if self.alt_text:
            return self.alt_text
        return self.image.alt_text_in(self._page_language()) if self.image_id else ""

    @property
    def alt_lang(self):
        """The language ``alt`` is written in."""
        language = self._page_language()
        if self.alt_text or not self.image_id:
            return language
        return self.image.alt_language(language)

    @property
    def link(self):
        if self.link_page_id:
            page = self.link_page.localized
            return page.url if page.live else ""
        return self.link_url
