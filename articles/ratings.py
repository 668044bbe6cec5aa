"""The ratings service: record a visitor's vote and summarise an article's votes."""

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count
from django.utils.translation import gettext_lazy as _

from headless.ratelimit import RateLimited, hit

from .conf import app_settings
from .models import ArticlePage, ArticleRating

MIN_SCORE, MAX_SCORE = 1, 5

# The no-JavaScript form's outcome, in the query of the article it redirects back to
# (a signed thanks, see thanks_token; or one of these): no session, no message cookie.
NOTICE_PARAM = "rating"
NOTICE_MISSING, NOTICE_INVALID = "missing", "invalid"
NOTICE_TOO_MANY, NOTICE_NETWORK = "too-many", "network"

# The thanks claims a recorded vote, so it is signed: a link someone crafts with
# ``?rating=5`` (or copies from another article, or keeps for later) thanks no one.
THANKS_SALT = "articles.rating"
THANKS_MAX_AGE = 10 * 60  # seconds: long enough for the redirect, short for a shared link


def _thanks_signer():
    return signing.TimestampSigner(salt=THANKS_SALT)


def thanks_token(article_pk, score):
    """The signed ``?rating=`` value that thanks the reader for ``score`` on this article."""
    return _thanks_signer().sign(f"{article_pk}:{score}")


def thanked_score(token, article_pk):
    """The score ``token`` thanks for on this article, or None: not signed by this site,
    for another article, older than THANKS_MAX_AGE, or not a score."""
    try:
        value = _thanks_signer().unsign(token, max_age=THANKS_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    pk, _sep, score = value.partition(":")
    if pk != str(article_pk) or score not in {str(s) for s in range(MIN_SCORE, MAX_SCORE + 1)}:
        return None
    return int(score)


class RatingNotAllowed(Exception):
    """The page cannot be rated: it is not a live, public article."""


class TooManyNewVoters(RateLimited):
    """More new voters on one article from one address than PORTAL_NEW_VOTES_PER_ADDRESS."""

    message = "Too many new ratings of this article from your network: please try again later."


def new_votes_per_address():
    return app_settings.PORTAL_NEW_VOTES_PER_ADDRESS


def rate(page, visitor_hash, score, address=None):
    """Record ``visitor_hash``'s vote on ``page``, replacing an earlier vote. Returns the rating.

    A new voter from ``address`` (the client's address, if known) counts only within
    PORTAL_NEW_VOTES_PER_ADDRESS per article (default 10 an hour: an office behind one NAT
    can still vote); past it TooManyNewVoters (429) is raised. Changing a vote always works.

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
    cap = new_votes_per_address()
    if address is not None and cap:
        voted = ArticleRating.objects.filter(page=article, visitor_hash=visitor_hash).exists()
        if not voted:
            hit(f"rating:new:{article.pk}", address, cap, error=TooManyNewVoters)
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
