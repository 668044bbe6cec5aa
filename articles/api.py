"""News for other sites: /api/v3/articles/ (the listing a frontend needs in one request).
Readers' ratings live in ``articles.ratings_api``."""

import datetime
from typing import Annotated

from django.db.models import Count, Window
from ninja import Field, Query, Router, Schema
from pydantic import model_validator

from headless.schemas import ImageWithRenditions, images_data

from .models import ArticlePage
from .search import unaccent

router = Router(tags=["articles"])
SEARCH_LIMIT = 500


class CategorySchema(Schema):
    id: int
    name: str
    slug: str


class ArticleListItem(Schema):
    id: int
    title: str
    date: datetime.date
    summary: str
    signature: str
    locale: str
    url: str | None
    categories: list[CategorySchema]
    hero_image: ImageWithRenditions | None


class ArticleList(Schema):
    count: int
    items: list[ArticleListItem]


class ArticleFilters(Schema):
    locale: Annotated[str | None, Field(None, pattern="^(vi|en)$")]
    category: Annotated[str | None, Field(None, max_length=100, description="category slug")]
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    search: Annotated[
        str | None, Field(None, max_length=200, description="accents optional: cai cach")
    ]
    limit: Annotated[int, Field(10, ge=1, le=100)]
    offset: Annotated[int, Field(0, ge=0, le=100_000)]

    @model_validator(mode="after")
    def dates_in_order(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from must not be after date_to")
        return self


def articles_queryset(filters):
    articles = ArticlePage.objects.live().public()
    if filters.locale:
        articles = articles.filter(locale__language_code=filters.locale)
    if filters.category:
        # a category join could repeat an article
        articles = articles.filter(categories__slug=filters.category).distinct()
    if filters.date_from:
        articles = articles.filter(date__gte=filters.date_from)
    if filters.date_to:
        articles = articles.filter(date__lte=filters.date_to)
    if filters.search:
        terms = unaccent(filters.search).strip()
        found = ArticlePage.objects.live().public().search(terms, operator="and")[:SEARCH_LIMIT]
        articles = articles.filter(pk__in=[page.pk for page in found])
    return articles.order_by("-date", "-pk")


# What a listing item reads; anything else stays in the database (the body is large).
LISTING_FIELDS = (
    "id", "title", "date", "summary", "signature", "url_path", "path", "depth",
    "locale", "content_type", "translation_key", "hero_image",
)  # fmt: skip


def listing_page(articles, offset, limit, request):
    """(total, items) of one page of the listing in a constant number of queries, whatever
    ``limit`` is; the total comes with the rows (a window count) unless the page is empty."""
    page = list(
        articles.only(*LISTING_FIELDS)
        .annotate(total=Window(Count("pk")))
        .select_related("locale")
        .prefetch_related("categories")[offset : offset + limit]
    )
    total = page[0].total if page else articles.count()
    images = images_data(article.hero_image_id for article in page)
    items = [listing_item(article, images.get(article.hero_image_id), request) for article in page]
    return total, items


def listing_item(article, image, request):
    return {
        "id": article.pk,
        "title": article.title,
        "date": article.date,
        "summary": article.summary,
        "signature": article.signature,
        "locale": article.locale.language_code,
        "url": article.get_full_url(request=request),
        "categories": [
            {"id": c.pk, "name": c.name, "slug": c.slug} for c in article.categories.all()
        ],
        "hero_image": image,
    }


@router.get("/", response=ArticleList, summary="Newest articles, filtered")
def list_articles(request, filters: Query[ArticleFilters]):
    total, items = listing_page(articles_queryset(filters), filters.offset, filters.limit, request)
    return {"count": total, "items": items}
