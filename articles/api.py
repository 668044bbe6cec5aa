"""News for other sites: /api/v3/articles/ (the listing a frontend needs in one request).
Readers' ratings live in ``articles.ratings_api``."""

import datetime
from typing import Annotated, Literal

from django.db.models import Count, Prefetch, Q, Window
from ninja import Field, Query, Router, Schema
from pydantic import model_validator
from taggit.models import Tag
from wagtail.images import get_image_model

from headless.params import IsoDate
from headless.routing import route_page
from headless.schemas import ImageWithRenditions, image_data, rendition_specs

from .models import ArticlePage, Category
from .search import unaccent

router = Router(tags=["articles"])
NO_NUL = r"^[^\x00]*$"  # PostgreSQL cannot compare a string holding NUL
SEARCH_LIMIT = 500


Order = Literal["-date", "date", "-title", "title"]
ORDERINGS = {
    "-date": ("-date", "-pk"),
    "date": ("date", "pk"),
    "-title": ("-title", "-pk"),
    "title": ("title", "pk"),
}


class CategorySchema(Schema):
    id: int
    name: str = Field(description="in the article's language where a translation exists")
    slug: str


class ArticleListItem(Schema):
    id: int
    title: str
    slug: str
    date: datetime.date
    last_published_at: datetime.datetime | None = Field(description="ISO 8601 with offset (+07:00)")
    summary: str
    signature: str
    locale: str
    html_url: str | None = Field(description="the article's public page, absolute")
    url: str | None = Field(description="the same as html_url (kept for existing clients)")
    categories: list[CategorySchema]
    tags: list[str]
    hero_image: ImageWithRenditions | None


class ArticleList(Schema):
    count: int
    items: list[ArticleListItem]


class ArticleFilters(Schema):
    locale: Annotated[str | None, Field(None, pattern="^(vi|en)$")]
    category: Annotated[
        str | None, Field(None, max_length=100, pattern=NO_NUL, description="category slug")
    ]
    slug: Annotated[
        str | None, Field(None, max_length=255, pattern=NO_NUL, description="the article's slug")
    ]
    tag: Annotated[
        str | None,
        Field(None, max_length=100, pattern=NO_NUL, description="a tag's name or slug"),
    ]
    path: Annotated[
        str | None,
        Field(
            None,
            max_length=2000,
            pattern=r"^/[^\x00]*$",
            description="only articles under the page at this path, e.g. /en/news/",
        ),
    ]
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None
    search: Annotated[
        str | None, Field(None, max_length=200, description="accents optional: cai cach")
    ]
    order: Annotated[Order, Field("-date", description="date or title; '-' for descending")]
    limit: Annotated[int, Field(10, ge=1, le=100)]
    offset: Annotated[int, Field(0, ge=0, le=100_000)]

    @model_validator(mode="after")
    def dates_in_order(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from must not be after date_to")
        return self


def articles_queryset(filters, request=None):
    articles = ArticlePage.objects.live().public()
    if filters.locale:
        articles = articles.filter(locale__language_code=filters.locale)
    if filters.slug:
        articles = articles.filter(slug=filters.slug)
    if filters.category:
        # a category join could repeat an article
        articles = articles.filter(categories__slug=filters.category).distinct()
    if filters.tag:
        # A tag's slug is its name lower-cased (Unicode-aware, which SQLite's iexact is not).
        tag = filters.tag.strip()
        slug = Tag().slugify(tag)
        articles = articles.filter(Q(tags__slug__in={tag, slug}) | Q(tags__name=tag)).distinct()
    if filters.path:
        under = route_page(request, filters.path) if request is not None else None
        articles = articles.descendant_of(under) if under is not None else articles.none()
    if filters.date_from:
        articles = articles.filter(date__gte=filters.date_from)
    if filters.date_to:
        articles = articles.filter(date__lte=filters.date_to)
    if filters.search:
        terms = unaccent(filters.search).strip()
        found = ArticlePage.objects.live().public().search(terms, operator="and")[:SEARCH_LIMIT]
        articles = articles.filter(pk__in=[page.pk for page in found])
    return articles.order_by(*ORDERINGS[filters.order])


# What a listing item reads; anything else stays in the database (the body is large).
LISTING_FIELDS = (
    "id", "title", "slug", "date", "last_published_at", "summary", "signature", "url_path",
    "path", "depth", "locale", "content_type", "translation_key", "hero_image",
)  # fmt: skip


def localized_categories(page):
    """{(translation_key, locale_id): category} for every category of ``page``'s articles, in
    their own languages: one query whatever the page size."""
    keys = {c.translation_key for article in page for c in article.categories.all()}
    locales = {article.locale_id for article in page}
    if not keys:
        return {}
    found = Category.objects.filter(translation_key__in=keys, locale_id__in=locales)
    return {(c.translation_key, c.locale_id): c for c in found}


def listing_page(articles, offset, limit, request):
    """(total, items) of one page of the listing in a constant number of queries, whatever
    ``limit`` is; the total comes with the rows (a window count) unless the page is empty.
    Hero images come with their renditions (Wagtail's ``prefetch_renditions``)."""
    images = get_image_model().objects.prefetch_renditions(*rendition_specs())
    page = list(
        articles.only(*LISTING_FIELDS)
        .annotate(total=Window(Count("pk")))
        .select_related("locale")
        .prefetch_related("categories", "tags", Prefetch("hero_image", queryset=images))[
            offset : offset + limit
        ]
    )
    total = page[0].total if page else articles.count()
    translations = localized_categories(page)
    return total, [listing_item(article, translations, request) for article in page]


def listing_item(article, translations, request):
    # Alt text in the article's language.
    image = image_data(article.hero_image, article.locale.language_code, request)
    url = article.get_full_url(request=request)
    categories = [
        translations.get((c.translation_key, article.locale_id), c)
        for c in article.categories.all()
    ]
    return {
        "id": article.pk,
        "title": article.title,
        "slug": article.slug,
        "date": article.date,
        "last_published_at": article.last_published_at,
        "summary": article.summary,
        "signature": article.signature,
        "locale": article.locale.language_code,
        "html_url": url,
        "url": url,
        "categories": [{"id": c.pk, "name": c.name, "slug": c.slug} for c in categories],
        "tags": sorted((tag.name for tag in article.tags.all()), key=str.casefold),
        "hero_image": image,
    }


@router.get(
    "/",
    response=ArticleList,
    summary="Articles, newest first, filtered",
    description=(
        "Filter by `locale`, `category` (slug), `slug`, `tag` (name or slug), `path` (under "
        "the page at this path, any language: `/en/news/`), `date_from`/`date_to` and "
        "`search` (accents optional); order by `date` or `title` (`-` descending, default "
        "`-date`). Categories and image alt text come in each article's language. An "
        "unknown query parameter is a 400 problem naming it."
    ),
)
def list_articles(request, filters: Query[ArticleFilters]):
    articles = articles_queryset(filters, request)
    total, items = listing_page(articles, filters.offset, filters.limit, request)
    return {"count": total, "items": items}
