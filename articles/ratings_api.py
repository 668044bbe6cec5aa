"""Readers' ratings of articles: /api/v3/articles/{page_id}/rating/ (mounted at the same
``/articles/`` prefix as the listing in ``articles.api``)."""

from typing import Annotated

from django.http import Http404
from ninja import Field, Path, Router, Schema
from pydantic import StrictInt

from headless.caching import bump
from headless.ratelimit import rate_limited
from widgets.stats.visitors import visitor_id

from .models import ArticlePage
from .ratings import RatingNotAllowed, rate, rating_summary

router = Router(tags=["articles"])

PageId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class RatingIn(Schema):
    score: Annotated[StrictInt, Field(ge=1, le=5, description="1 (poor) to 5 (excellent)")]
    visitor: Annotated[
        str | None,
        Field(None, min_length=1, max_length=128, description="the frontend's opaque reader id"),
    ]


class RatingSummary(Schema):
    page_id: int
    average: float
    count: int


def _live_article(page_id):
    article = ArticlePage.objects.live().public().filter(pk=page_id).first()
    if article is None:
        raise Http404("No live article has this id.")
    return article


def _summary(article):
    average, count = rating_summary(article)
    return {"page_id": article.pk, "average": round(average, 2), "count": count}


@router.get(
    "/{int:page_id}/rating/",
    response=RatingSummary,
    summary="An article's rating",
    operation_id="articles_api_get_rating",
)
def get_rating(request, page_id: PageId):
    return _summary(_live_article(page_id))


def _visitor(request, page_id, body):
    return visitor_id(request, body.visitor)


@router.post(
    "/{int:page_id}/rating/",
    response=RatingSummary,
    summary="Rate an article 1–5; a visitor's new vote replaces the old one",
    operation_id="articles_api_post_rating",
)
@rate_limited("rating", visitor_of=_visitor)
def post_rating(request, page_id: PageId, body: RatingIn):
    article = _live_article(page_id)
    try:
        rate(article, visitor_id(request, body.visitor), body.score)
    except RatingNotAllowed:
        raise Http404("No live article has this id.") from None
    bump("ratings")
    return _summary(article)
