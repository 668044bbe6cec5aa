"""The ratings service: record a visitor's vote and summarise an article's votes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count
from django.utils.translation import gettext_lazy as _

from .models import ArticlePage, ArticleRating

MIN_SCORE, MAX_SCORE = 1, 5


class RatingNotAllowed(Exception):
    """The page cannot be rated: it is not a live, public article."""


def rate(page, visitor_hash, score):
    """Record ``visitor_hash``'s vote on ``page``, replacing an earlier vote. Returns the rating.

    Raises ValidationError for a bad score or visitor, RatingNotAllowed for a page that is not
    a live, public article."""
    if isinstance(score, bool) or not isinstance(score, int) or not MIN_SCORE <= score <= MAX_SCORE:
        raise ValidationError(_("A rating is a whole number from 1 to 5."), code="score")
    visitor_hash = (visitor_hash or "").strip()
    if not visitor_hash or len(visitor_hash) > 64:
        raise ValidationError(_("The visitor is not identified."), code="visitor")
    article = ArticlePage.objects.live().public().filter(pk=page.pk).first()
    if article is None:
        raise RatingNotAllowed(page.pk)
    with transaction.atomic():
        rating, _created = ArticleRating.objects.update_or_create(
            page=article, visitor_hash=visitor_hash, defaults={"score": score}
        )
    return rating


def rating_summary(page):
    """(average, count) of ``page``'s votes; (0.0, 0) before the first vote."""
    totals = ArticleRating.objects.filter(page_id=page.pk).aggregate(
        average=Avg("score"), count=Count("pk")
    )
    return float(totals["average"] or 0.0), totals["count"]
