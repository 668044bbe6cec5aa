"""The article rating form ("Đánh giá bài viết"): everything it shows is computed here."""

from decimal import Decimal

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from headless.numbers import format_number

from ..ratings import (
    NOTICE_INVALID,
    NOTICE_MISSING,
    NOTICE_NETWORK,
    NOTICE_PARAM,
    NOTICE_TOO_MANY,
    rating_summary,
    thanked_score,
)

register = template.Library()

SCORE_LABELS = {
    1: gettext_lazy("Poor"),
    2: gettext_lazy("Fair"),
    3: gettext_lazy("Good"),
    4: gettext_lazy("Very good"),
    5: gettext_lazy("Excellent"),
}


def _summary(count, average_text, count_text):
    return ngettext(
        "(%(average)s/5 — %(count)s vote)", "(%(average)s/5 — %(count)s votes)", count
    ) % {"average": average_text, "count": count_text}


def _thanks(score):
    return _("Thank you: your rating of %(score)s out of 5 has been recorded.") % {"score": score}


def _not_rated():
    # Not "(0/5)": that reads as a score of zero.
    return _("(not rated yet)")


def summary_text(average, count):
    """``(4,2/5 — 12 lượt)`` in the reader's language; "(not rated yet)" before the first vote."""
    if not count:
        return _not_rated()
    average_text = format_number(Decimal(str(round(average, 1))))
    return _summary(count, average_text, format_number(count, grouping=True))


def _summary_template(count):
    # For the script, which fills in the numbers it gets from the API.
    return _summary(count, "{average}", "{count}")


def _api_url(page):
    try:
        return reverse("wagtailapi_v3:post_rating", kwargs={"page_id": page.pk})
    except NoReverseMatch:  # the site runs without the headless API: the form alone works
        return ""


ERRORS = {
    NOTICE_MISSING: gettext_lazy("Choose a rating from 1 to 5, then send it."),
    NOTICE_INVALID: gettext_lazy("A rating is a whole number from 1 to 5."),
    NOTICE_TOO_MANY: gettext_lazy(
        "Too many ratings in a short time: please wait a minute, then try again."
    ),
    NOTICE_NETWORK: gettext_lazy(
        "Too many readers on your network have rated this article in the last hour: "
        "please try again later."
    ),
}


def _notices(request, page):
    """What the form says after the no-JavaScript vote redirected back (``?rating=``): the
    same words for everyone who opens that address, so the page is still cacheable. The
    thanks is signed for this article and expires (ratings.thanks_token): a crafted, borrowed
    or stale value, like any unknown one, says nothing."""
    outcome = request.GET.get(NOTICE_PARAM, "") if request is not None else ""
    score = thanked_score(outcome, page.pk) if outcome else None
    if score is not None:
        return {"successes": [_thanks(score)], "errors": []}
    if outcome in ERRORS:
        return {"successes": [], "errors": [str(ERRORS[outcome])]}
    return {"successes": [], "errors": []}


@register.inclusion_tag("articles/includes/rating.html", takes_context=True)
def article_rating(context, page):
    request = context.get("request")
    average, count = rating_summary(page)
    return {
        "page": page,
        "action": reverse("articles:rate", kwargs={"page_id": page.pk}),
        "api_url": _api_url(page),
        "summary": summary_text(average, count),
        "choices": [(score, f"{score} – {label}") for score, label in SCORE_LABELS.items()],
        "script_texts": {
            "one": _summary_template(1),
            "other": _summary_template(2),
            "thanks": _thanks("{score}"),
            "sending": _("Sending your rating…"),
            "none": _not_rated(),
        },
        **_notices(request, page),
    }
