from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, IntegerField, Subquery, Value, When
from django.utils.translation import gettext_lazy as _
from typing_extensions import TypedDict
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.blocks import ArticleBodyBlock
from articles.models import SECTIONS, ArticleIndexPage, ArticlePage
from articles.models.mixins import EditorialPageMixin, search_fields_for
from articles.teasers import teaser_blocks
from headless.fields import typed
from headless.pages import exclude_private, place_under
from widgets.blocks import widget_blocks
from widgets.budget.models import BudgetIndexPage

from .identity import SiteIdentity  # noqa: F401  (a model of this app, in its own module)

# The home page's news: the lead story and this many after it. Without an editor's choice the
# lead is looked for among the latest NEWS_LISTED + NEWS_SCANNED articles (one query, which
# also brings the chosen one, first, when there is one).
NEWS_LISTED, NEWS_SCANNED = 6, 6

# The home page's bands, in page order: (name, label of the region, block types in the order
# the band shows them; blocks of one type keep the editor's order). The live data a citizen of
# the delta checks comes right after the news, salinity first (on a phone it is then the first
# table); a block of a type not named here goes to "more", in the editor's order.
BANDS = (
    ("live", _("Monitoring and weather"), ("salinity", "weather", "water_level")),
    ("media", _("Photos and videos"), ("featured_videos", "gallery_teaser", "slideshow")),
    ("more", _("More information"), ()),
)


class HomePage(Page):
    """The portal's front page: one per language, directly under the root."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        widget_blocks() + teaser_blocks(),
        verbose_name=_("widgets"),
        blank=True,
        help_text=_(
            "Shown under the news in bands: live data (salinity, water level, weather), then "
            "photos and videos, then the others (links, budget, statistics…)."
        ),
    )
    # A page link: wagtail-localize syncs it to the translations (the source's article);
    # each home page shows that article's translation in its own language (see ``news``).
    featured_article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown first, with its picture, at the top of the home page. Leave empty to lead "
            "with the newest article that has a picture."
        ),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "articles.GalleryIndexPage",
        "articles.VideoIndexPage",
        "articles.SlideshowPage",
        "widgets.BudgetIndexPage",
        "home.ContentPage",
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        PageChooserPanel("featured_article", page_type="articles.ArticlePage"),
        FieldPanel("body"),
    ]
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

    def latest_articles(self, count=NEWS_LISTED + NEWS_SCANNED):
        """The live, public articles in this page's language, newest first; the editor's lead
        story (its version in this language, if live and public) comes first, marked
        ``chosen``, in the same query."""
        articles = ArticlePage.objects.live().filter(locale_id=self.locale_id)
        chosen = Value(0)
        if self.featured_article_id:
            key = Page.objects.filter(pk=self.featured_article_id).values("translation_key")
            chosen = Case(
                When(translation_key=Subquery(key[:1]), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        return (
            exclude_private(articles)
            .annotate(chosen=chosen)
            .select_related("hero_image")
            .defer_streamfields()
            .order_by("-chosen", "-date", "-pk")[:count]
        )

    def news(self):
        """``(featured, others)``: the lead story is the editor's choice when it can be shown
        here, else the newest article with a picture among the latest few (none if none has
        one); the others the newest after it, in date order. One query, whatever the choice."""
        articles = list(self.latest_articles())
        featured = articles[0] if articles and articles[0].chosen else None
        if featured is None:
            featured = next((a for a in articles if a.listing_image() is not None), None)
        others = [a for a in articles if a is not featured][:NEWS_LISTED]
        return featured, others

    def news_index(self):
        """The news section under this home page (for "All news"), or None."""
        sections = ArticleIndexPage.objects.child_of(self).live()
        return exclude_private(sections).order_by("path").first()

    def bands(self):
        """The body's blocks grouped for the page, ``(name, label, blocks)`` for each band
        that has any, ``blocks`` a ``StreamValue`` (rendered, and cached, as the body's)."""
        groups = {name: [] for name, _label, _types in BANDS}
        for raw in self.body.raw_data:
            band = next((name for name, _label, types in BANDS if raw["type"] in types), "more")
            groups[band].append(raw)
        stream_block = self.body.stream_block
        return [
            (name, label, StreamValue(stream_block, _in_order(groups[name], types), is_lazy=True))
            for name, label, types in BANDS
            if groups[name]
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured, others = self.news()
        context["featured_article"], context["latest_articles"] = featured, others
        context["news_index"] = self.news_index() if featured or others else None
        context["bands"] = self.bands()
        # A phone reader reaches the live data in one tap from the top (it is far down).
        context["live_band"] = next(
            (label for name, label, _b in context["bands"] if name == "live"), None
        )
        if self.shows_statistics():
            context["stats"] = None  # the page shows them: not again in the footer
        return context

    def shows_statistics(self):
        return any(block["type"] == "statistics" for block in self.body.raw_data)


def _in_order(blocks, types):
    """``blocks`` (raw) in the order of ``types``, the editor's among blocks of one type (and
    among all when ``types`` is empty: sorting is stable)."""
    return sorted(blocks, key=lambda raw: types.index(raw["type"]) if types else 0)


place_under((*SECTIONS, BudgetIndexPage), "home.HomePage")


class SiteMapEntry(TypedDict):
    title: str
    url: str
    children: list["SiteMapEntry"]


class ContentPage(EditorialPageMixin, Page):
    """A plain page of text the portal keeps (introduction, contact, site map…): an optional
    introduction and a body of paragraphs, images, tables, documents and videos."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    show_site_map = models.BooleanField(
        _("list the site's pages"),
        default=False,
        help_text=_("Tick for a site map page: the site's sections are listed under the body."),
    )

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("show_site_map"),
    ]
    promote_panels = EditorialPageMixin.promote_panels
    search_fields = search_fields_for(index.SearchField("intro"), index.SearchField("body"))
    unaccented_search_fields = ("title", "intro", "body")
    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("site_map", serializer=typed(list[SiteMapEntry])),
    ]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    @property
    def site_map(self):
        """The live, public pages of this page's home, in menu order, when this page is a site
        map: every section, and the pages under the home page's and content pages' sections
        (a news index lists its own articles)."""
        if not self.show_site_map:
            return []
        home = self.get_ancestors().type(HomePage).last()
        return _site_map_entries(home, depth=3) if home is not None else []


def _site_map_entries(parent, depth):
    if depth <= 0:
        return []
    entries = []
    for child in exclude_private(parent.get_children().live().order_by("path")).specific():
        url = child.get_url()
        if not url:
            continue
        nested = isinstance(child, ContentPage)
        children = _site_map_entries(child, depth - 1) if nested else []
        entries.append({"title": child.title, "url": url, "children": children})
    return entries
