"""News: the article index ("Tin tức") and articles."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from typing_extensions import TypedDict
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from headless.fields import ImageField, typed

from ..admin_forms import ArticlePageForm
from ..blocks import ArticleBodyBlock
from .categories import Category
from .mixins import (
    PROMOTE_API_FIELDS,
    THUMBNAIL,
    EditorialIndexPage,
    EditorialPageMixin,
    optional_image,
    search_fields_for,
)


class CategoryRef(TypedDict):
    name: str
    slug: str


class ArticleIndexPage(EditorialIndexPage):
    """News listing ("Tin tức"), newest first, filterable by category and date."""

    subpage_types = ["articles.ArticlePage"]
    listing_name = "articles"
    list_class = "article-list"
    empty_listing_text = _("No articles yet.")

    class Meta:
        verbose_name = _("article index")
        verbose_name_plural = _("article indexes")

    def filter_listing(self, request, items, context):
        from ..forms import ArticleFilterForm

        form = ArticleFilterForm(request.GET or None, locale=self.locale)
        context["filter_form"] = form
        return form.filter(items)

    def filter_title(self, context):
        form = context["filter_form"]
        category = form.is_valid() and form.cleaned_data.get("category")
        return category.name if category else ""


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(EditorialPageMixin, Page):
    """A news article: dated, signed by its issuing unit, filed under categories."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), blank=True)
    hero_image = optional_image(
        _("hero image"), _("Shown at the top of the article and in news lists.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    signature = models.CharField(
        _("signature"),
        max_length=255,
        blank=True,
        help_text=_('The issuing unit or author shown under the article, e.g. "Văn phòng".'),
    )
    categories = ParentalManyToManyField(
        "articles.Category", verbose_name=_("categories"), blank=True, related_name="articles"
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=ArticlePageTag, blank=True, help_text=None
    )

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    base_form_class = ArticlePageForm

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("signature"),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("related_links", label=_("Related articles"), max_num=6),
    ]
    promote_panels = EditorialPageMixin.promote_panels
    search_fields = search_fields_for(
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("signature"),
        index.FilterField("date"),
    )
    unaccented_search_fields = ("title", "summary", "body", "signature")
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("hero_image", serializer=ImageField()),
        APIField(
            "hero_image_thumbnail", serializer=ImageRenditionField(THUMBNAIL, source="hero_image")
        ),
        APIField("body"),
        APIField("signature"),
        APIField("category_list", serializer=typed(list[CategoryRef])),
        APIField("tag_list", serializer=typed(list[str])),
        APIField("related_article_ids", serializer=typed(list[int])),
        *PROMOTE_API_FIELDS,
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    # As in the listing API: the hero image (the social image is for social networks).
    listing_prefetch = ("hero_image",)

    def listing_image(self):
        return self.hero_image

    @property
    def category_list(self):
        return [{"name": c.name, "slug": c.slug} for c in self.localized_categories()]

    def localized_categories(self):
        """The article's categories in the article's own language where a translation exists
        (not the request's: an API client reading the English page gets English names)."""
        categories = list(self.categories.all())
        if not categories or self.locale_id is None:
            return categories
        translated = {
            category.translation_key: category
            for category in Category.objects.filter(
                translation_key__in=[c.translation_key for c in categories],
                locale_id=self.locale_id,
            )
        }
        return [translated.get(c.translation_key, c) for c in categories]

    def category_links(self):
        """Each category with the news index filtered on it."""
        index_url = self.get_parent().get_url() or ""
        return [
            {"name": category.name, "url": f"{index_url}?{urlencode({'category': category.slug})}"}
            for category in self.localized_categories()
        ]

    @property
    def tag_list(self):
        return [tag.name for tag in self.tags.all()]

    def related_articles(self):
        """Live related articles, in this page's language where translated (else the source)."""
        found = []
        for link in self.related_links.select_related("article"):
            article = link.article.get_translation_or_none(self.locale) or link.article
            if article.live and article.pk != self.pk:
                found.append(article)
        return found

    @property
    def related_article_ids(self):
        return [article.pk for article in self.related_articles()]


class ArticleRelatedLink(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")

    def clean(self):
        super().clean()
        if self.article_id and self.article_id == self.page_id:
            raise ValidationError({"article": _("An article cannot be related to itself.")})
