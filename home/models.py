from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.models import ArticlePage
from headless.pages import exclude_private
from widgets.blocks import widget_blocks


class HomePage(Page):
    """The portal's front page: one per language, directly under the root."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        widget_blocks(),
        verbose_name=_("side column"),
        blank=True,
        help_text=_("Widgets beside the news: salinity, water level, weather, statistics…"),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "articles.GalleryIndexPage",
        "articles.VideoIndexPage",
        "articles.SlideshowPage",
        "widgets.BudgetIndexPage",
    ]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def clean(self):
        super().clean()
        others = HomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("This language already has a home page."))

    def latest_articles(self, count=5):
        articles = ArticlePage.objects.live().filter(locale_id=self.locale_id)
        return (
            exclude_private(articles)
            .select_related("hero_image")
            .defer_streamfields()
            .order_by("-date", "-pk")[:count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = self.latest_articles()
        if self.shows_statistics():
            context["stats"] = None  # the side column shows them: not again in the footer
        return context

    def shows_statistics(self):
        return any(block["type"] == "statistics" for block in self.body.raw_data)
