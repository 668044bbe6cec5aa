"""The article rating form ("Đánh giá bài viết"): everything it shows is computed here."""

from decimal import Decimal

from django import template
from django.contrib.messages import get_messages
from django.contrib.messages.constants import ERROR
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from headless.numbers import format_number

from ..ratings import rating_summary
from ..views import RATING_MESSAGE_TAG

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


def summary_text(average, count):
    """``(4,2/5 — 12 lượt)`` in the reader's language; ``(0/5)`` before the first vote."""
    if not count:
        return "(0/5)"
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


def _notices(request):
    """This form's messages (from the redirect after a vote), split into successes and
    errors; other messages are not this form's to show."""
    found = {"successes": [], "errors": []}
    for message in get_messages(request):
        if RATING_MESSAGE_TAG in message.extra_tags.split():
            found["errors" if message.level >= ERROR else "successes"].append(str(message))
    return found


@register.inclusion_tag("articles/includes/rating.html", takes_context=True)
def article_rating(context, page):
    request = context["request"]
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
            "thanks": _("Thank you: your rating of %(score)s out of 5 has been recorded.")
            % {"score": "{score}"},
            "sending": _("Sending your rating…"),
        },
        **_notices(request),
    }
