"""Readers' ratings of articles: /api/v3/articles/{page_id}/rating/ (mounted at the same
``/articles/`` prefix as the listing in ``articles.api``).

A vote is a public write: JSON only, from this site or an allowed origin (``headless.writes``),
rate-limited, one vote per server-issued visitor identity, and no more than
PORTAL_NEW_VOTES_PER_ADDRESS new voters per article from one address."""

from typing import Annotated

from django.http import Http404, HttpResponse
from ninja import Field, Path, Router, Schema
from ninja.decorators import decorate_view
from pydantic import BeforeValidator, StrictInt

from headless import visitors
from headless.caching import bump
from headless.clientip import client_ip
from headless.ratelimit import rate_limited
from headless.writes import VisitorToken, public_write, writer_id

from .models import ArticlePage
from .ratings import RatingNotAllowed, rate, rating_summary

router = Router(tags=["articles"])
PageId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _whole_float_as_int(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


class RatingIn(Schema):
    # A whole number, also written 5.0 (an integer to JSON Schema); 4.5, "5" or true are refused.
    score: Annotated[
        StrictInt,
        Field(ge=1, le=5, description="1 (poor) to 5 (excellent)"),
        BeforeValidator(_whole_float_as_int),
    ]
    visitor: VisitorToken


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


def _visitor(request, page_id, body, **kwargs):
    return writer_id(request, body.visitor)


@router.post(
    "/{int:page_id}/rating/",
    response=RatingSummary,
    summary="Rate an article 1–5; a visitor's new vote replaces the old one",
    description=(
        "Send `application/json` (else 415) from this site or an origin in "
        "CORS_ALLOWED_ORIGINS (else 403). The reader is identified by the visitor token "
        "(`visitor` field or `X-Portal-Visitor` header, from `POST /api/v3/visitor/`), else by "
        "the site's visitor cookie, which a response sets when the request had neither. "
        "Rate-limited per address and per visitor; from one address at most "
        "PORTAL_NEW_VOTES_PER_ADDRESS (default 10 an hour) new voters per article count, "
        "further ones get 429."
    ),
    operation_id="articles_api_post_rating",
)
@decorate_view(public_write())
@rate_limited("rating", visitor_of=_visitor)
def post_rating(request, response: HttpResponse, page_id: PageId, body: RatingIn):
    article = _live_article(page_id)
    token, new_cookie = None, False
    if not visitors.has_identity(request, body.visitor):
        token, new_cookie = visitors.ensure_cookie(request)
    try:
        rate(article, writer_id(request, body.visitor), body.score, address=client_ip(request))
    except RatingNotAllowed:
        raise Http404("No live article has this id.") from None
    if new_cookie:
        visitors.set_cookie(response, token)
    bump("ratings")
    return _summary(article)
