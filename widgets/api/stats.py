"""Visitor statistics, /api/v3/stats/, and the visit beacon a headless frontend sends for each
page view, /api/v3/stats/hits/. No address is stored: visitors are salted hashes."""

import datetime
from typing import Annotated

from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.decorators import decorate_view

from headless.caching import bump
from headless.ratelimit import rate_limited
from headless.writes import VisitorToken, public_write, writer_id

from ..stats.counting import count_visit, statistics
from ..stats.visitors import capped

router = Router(tags=["statistics"])


class StatsOut(Schema):
    online_now: int = Field(description="distinct visitors in the last 5 minutes")
    today: int = Field(description="visits today (Asia/Ho_Chi_Minh)")
    total: int = Field(description="visits since launch")
    as_of: datetime.datetime


class HitIn(Schema):
    path: Annotated[
        str, Field(min_length=1, max_length=500, pattern=r"^/", description="the page's path")
    ]
    visitor: VisitorToken


class HitOut(Schema):
    counted: bool = Field(description="false for bots, which are not counted")


@router.get("/", response=StatsOut, summary="Visitors online now, today and in total")
def get_statistics(request):
    now = timezone.now()
    stats = statistics(now)
    return {
        "online_now": stats.online,
        "today": stats.today,
        "total": stats.total,
        "as_of": timezone.localtime(now),
    }


def _visitor(request, body):
    return writer_id(request, body.visitor)


@router.post(
    "/hits/",
    response={202: HitOut},
    summary="Count a page view (the visit beacon)",
    description=(
        "Sent by a frontend for each page it shows: `application/json` (else 415) from this "
        "site or an origin in CORS_ALLOWED_ORIGINS (else 403); rate-limited per address and "
        "per visitor. Bots (by user agent) are not counted. From one address at most "
        "PORTAL_NEW_VISITORS_PER_ADDRESS (default 10 an hour) new visitors count."
    ),
)
@decorate_view(public_write())
@rate_limited("hits", visitor_of=_visitor)
def post_hit(request, body: HitIn):
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    counted = count_visit(capped(request, _visitor(request, body)), user_agent)
    if counted:
        bump("stats")
    return Status(202, {"counted": counted})
