"""Fixed-window rate limits kept in the shared cache (Redis in production), so every app
server counts against the same limits. Keys are HMACs (keyed with SECRET_KEY); no address is
stored, not even in the cache."""

import hashlib
import hmac
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from ninja.errors import HttpError

from .clientip import client_ip
from .conf import app_settings

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class RateLimited(HttpError):
    message = "Too many requests: please wait before trying again."

    def __init__(self, retry_after, message=None):
        self.retry_after = retry_after
        super().__init__(429, message or self.message)


def _digest(text):
    key = f"portal-ratelimit:{settings.SECRET_KEY}".encode()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()[:32]


def parse_rate(rate):
    """'30/m' -> (30, 60)."""
    count, _, unit = rate.partition("/")
    return int(count), _UNITS[unit[-1]] * int(unit[:-1] or 1)


def hit(scope, identity, rate, error=None):
    """Count one request; raise RateLimited when ``identity`` is over ``rate`` in ``scope``."""
    limit, window = parse_rate(rate)
    now = int(time.time())
    bucket = now // window
    key = f"ratelimit:{scope}:{_digest(f'{scope}:{identity}')}:{bucket}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        count = 1
    if count > limit:
        raise (error or RateLimited)(retry_after=window - (now % window))


def first_seen_within_cap(scope, address, identity, rate):
    """Whether ``identity`` may count as a new one from ``address``: each distinct identity
    seen from one address in a window counts against ``rate`` (e.g. "10/h"); identities
    already seen from there in this window always pass. False once the cap is reached."""
    limit, window = parse_rate(rate)
    bucket = int(time.time()) // window
    seen = f"ratelimit:{scope}:seen:{_digest(f'{scope}:{address}:{identity}')}:{bucket}"
    if not cache.add(seen, 1, timeout=window + 1):
        return True
    try:
        hit(f"{scope}:new", address, rate)
    except RateLimited:
        return False
    return True


def rate_limited(scope, visitor_of=None):
    """Limit a public write endpoint per client address and, if ``visitor_of(request,
    *args, **kwargs)`` names one, per visitor. Rates come from PORTAL_RATE_LIMITS."""
    rates = {"ip": "60/m", "visitor": "20/m"}

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            configured = app_settings.PORTAL_RATE_LIMITS.get(scope, {})
            limits = {**rates, **configured}
            if limits.get("ip"):
                hit(f"{scope}:ip", client_ip(request), limits["ip"])
            visitor = visitor_of(request, *args, **kwargs) if visitor_of else None
            if visitor and limits.get("visitor"):
                hit(f"{scope}:visitor", visitor, limits["visitor"])
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
