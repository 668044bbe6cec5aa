"""Counting visits: one function for the visit beacon (``/api/v3/stats/hits/``), which the
site's own pages send from the reader's browser (``cms/static/js/visit-beacon.js``: the pages
are cached by a CDN, so the server never sees most page views; readers without JavaScript are
not counted) and a headless frontend sends for each page it shows.

A visitor is identified by an HMAC of the day, the client's id (an opaque id it sends, or its
address and user agent) and ``SECRET_KEY``; the key of the HMAC therefore changes every day
and the address itself is never stored. Counters are incremented in the database
(``INSERT … ON CONFLICT DO UPDATE SET n = n + 1``), so concurrent requests lose nothing."""

import datetime
import hashlib
import hmac
import random
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from ..conf import app_settings
from .models import TOTAL, DailyVisits, RecentVisitor, VisitCounter

ONLINE_WINDOW = datetime.timedelta(minutes=5)
PRUNE_PROBABILITY = 0.01
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|bingpreview|facebookexternalhit|headless|python-requests|"
    r"python-urllib|curl|wget|httpclient|okhttp|go-http-client|java/|libwww|scrapy|"
    r"lighthouse|pingdom|uptime|monitor|preview",
    re.IGNORECASE,
)


def is_bot(user_agent):
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def visitor_hash(client_id, today=None):
    """A salted hash of ``client_id``; the salt is derived from SECRET_KEY and the day."""
    today = today or timezone.localdate()
    salt = hmac.new(
        settings.SECRET_KEY.encode(), f"visitor-salt:{today.isoformat()}".encode(), hashlib.sha256
    ).digest()
    return hmac.new(salt, client_id.encode(), hashlib.sha256).hexdigest()


def _upsert_increment(table, key_column, value_column, key):
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_column}, {value_column}) VALUES (%s, 1) "  # noqa: S608
            f"ON CONFLICT ({key_column}) DO UPDATE SET {value_column} = "
            f"{table}.{value_column} + 1",
            [key],
        )


def count_visit(client_id, user_agent="", now=None):
    """Count one visit by ``client_id`` (an opaque id, or address + user agent). Returns
    False for bots (not counted)."""
    if is_bot(user_agent):
        return False
    now = now or timezone.now()
    today = timezone.localdate(now)
    visitor = visitor_hash(client_id, today)
    with transaction.atomic():
        _upsert_increment(VisitCounter._meta.db_table, "name", "value", TOTAL)
        _upsert_increment(DailyVisits._meta.db_table, "day", "visits", today)
        with connection.cursor() as cursor:
            table = RecentVisitor._meta.db_table
            cursor.execute(
                f"INSERT INTO {table} (visitor, last_seen) VALUES (%s, %s) "  # noqa: S608
                "ON CONFLICT (visitor) DO UPDATE SET last_seen = EXCLUDED.last_seen",
                [
                    visitor,
                    RecentVisitor._meta.get_field("last_seen").get_db_prep_value(now, connection),
                ],
            )
        # Old rows only cost space ("online" filters on last_seen), so prune now and then.
        if random.random() < PRUNE_PROBABILITY:  # noqa: S311
            RecentVisitor.objects.filter(last_seen__lt=now - ONLINE_WINDOW).delete()
    return True


@dataclass
class Statistics:
    online: int
    today: int
    total: int
    as_of: datetime.datetime | None = None  # when they were read


def statistics(now=None):
    """Online now (distinct visitors in the last 5 minutes), today's and all visits, in one
    query."""
    now = now or timezone.now()
    recent, daily, counter = (m._meta.db_table for m in (RecentVisitor, DailyVisits, VisitCounter))
    last_seen = RecentVisitor._meta.get_field("last_seen").get_db_prep_value(
        now - ONLINE_WINDOW, connection
    )
    day = DailyVisits._meta.get_field("day").get_db_prep_value(timezone.localdate(now), connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {recent} WHERE last_seen >= %s), "  # noqa: S608
            f"(SELECT visits FROM {daily} WHERE day = %s), "
            f"(SELECT value FROM {counter} WHERE name = %s)",
            [last_seen, day, TOTAL],
        )
        online, today, total = cursor.fetchone()
    return Statistics(online=online or 0, today=today or 0, total=total or 0, as_of=now)


CACHE_KEY = "widgets:stats:figures"


def recent_statistics(now=None):
    """:func:`statistics` as read at most ``PORTAL_STATS_CACHE_SECONDS`` ago (shared by every
    page render: a page is cached by the CDN as long anyway); each carries its ``as_of``."""
    now = now or timezone.now()
    seconds = app_settings.PORTAL_STATS_CACHE_SECONDS
    if seconds <= 0:
        return statistics(now)
    found = cache.get(CACHE_KEY)
    if (
        isinstance(found, Statistics)
        and found.as_of is not None
        and found.as_of <= now < found.as_of + datetime.timedelta(seconds=seconds)
    ):
        return found
    fresh = statistics(now)
    cache.set(CACHE_KEY, fresh, seconds)
    return fresh


def request_statistics(request):
    """:func:`recent_statistics` at most once per request, shared by whatever shows the
    figures (the footer and a statistics block on the same page)."""
    if request is None:
        return recent_statistics()
    if not hasattr(request, "_portal_statistics"):
        request._portal_statistics = recent_statistics()
    return request._portal_statistics


def seed_total(value):
    """Start the total at ``value`` (the old portal's count) unless counting has begun."""
    counter, created = VisitCounter.objects.get_or_create(name=TOTAL, defaults={"value": value})
    return counter
