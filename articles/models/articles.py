from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index


class ArticleIndexPage(Page):
    """News listing ("Tin tức"), newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("article index")
        verbose_name_plural = _("article indexes")

    def articles(self):
        return ArticlePage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        per_page = getattr(settings, "PORTAL_ITEMS_PER_PAGE", 10)
        paginator = Paginator(self.articles(), per_page)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page_obj = paginator.page(1)
        context["articles"] = page_obj
        return context


class ArticlePage(Page):
    """A news article: dated, signed by its issuing unit."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(
        [("paragraph", blocks.RichTextBlock(label=_("Paragraph")))],
        verbose_name=_("body"),
        blank=True,
    )
    signature = models.CharField(
        _("signature"),
        max_length=255,
        blank=True,
        help_text=_('The issuing unit or author shown under the article, e.g. "Văn phòng".'),
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("signature"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("signature"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("signature"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
