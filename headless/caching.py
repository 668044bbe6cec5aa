"""HTTP caching for the public API: ETag and Cache-Control on every public GET, 304 on
If-None-Match, and a shared server-side cache invalidated by content versions.

Every cached response is keyed by the versions of the topics it depends on; a change bumps
its topic's version (see ``bump``), so listings and details go stale together and no key
has to be found and deleted. An entry belongs to one site (scheme and host), path with query
and language (``headless.language``), and replays every header the view and the inner
middleware gave the fresh answer; CORS, validators and freshness are set for each request."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language

TOPICS = ("pages", "readings", "weather", "budget", "stats", "ratings")
# What pages and listings show: everything but the visit counters. A visit (a beacon, a page
# view) changes the counters only, so it must not throw away every cached page; the statistics
# block inside a page body says when its figures were read (``as_of``) and is renewed when the
# page's entry expires (its max-age), the live figures are at /api/v3/stats/.
CONTENT_TOPICS = tuple(topic for topic in TOPICS if topic != "stats")
# Path prefix -> (topics the response depends on, max-age seconds). Pages embed live widget
# data in their StreamFields, so they depend on every content topic.
DEFAULT_RULES = (
    ("/api/v3/stats/", ("stats",), 10),
    ("/api/v3/articles/", ("pages", "ratings"), 60),
    ("/api/v3/stations/", ("readings",), 60),
    ("/api/v3/weather/", ("weather",), 300),
    ("/api/v3/budget/", ("budget",), 300),
    ("/api/v3/theme/", (), 3600),
    ("/api/v3/openapi.json", (), 300),
    ("/api/v3/", CONTENT_TOPICS, 60),
    ("/api/v2/", CONTENT_TOPICS, 60),
)
# Headers never stored with a cached answer: the ones set again for each request (CORS is
# decided for the request's own Origin, validators and freshness are set below).
_PER_REQUEST_HEADERS = ("date", "x-cache", "set-cookie", "etag", "cache-control")
_VERSION_KEY = "headless:version:{}"


def rules():
    return getattr(settings, "PORTAL_API_CACHE_RULES", DEFAULT_RULES)


def rule_for(path):
    for prefix, topics, max_age in rules():
        if path.startswith(prefix):
            return topics, max_age
    return None


def bump(*topics):
    """Mark every cached response depending on ``topics`` as stale."""
    for topic in topics:
        key = _VERSION_KEY.format(topic)
        if not cache.add(key, 1, timeout=None):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, timeout=None)


def bump_on_commit(*topics):
    """``bump`` now, so this process sees the change at once, and again when the transaction
    commits: a request that cached the old data in between is then dropped as well."""
    bump(*topics)
    transaction.on_commit(lambda: bump(*topics))


def version_keys(topics):
    return [_VERSION_KEY.format(topic) for topic in topics]


def versions(topics, found):
    """The current versions of ``topics``, read from ``found`` (a ``cache.get_many`` of
    ``version_keys(topics)`` and anything else fetched in the same round trip)."""
    return [found.get(key, 0) for key in version_keys(topics)]


def _is_public(request):
    # A signed-in user may see restricted pages through API v2: never share their answer.
    return (
        request.method in ("GET", "HEAD")
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "preview" not in request.path
        and "token" not in request.GET
    )


def _etag(content):
    return '"' + hashlib.sha256(content).hexdigest()[:40] + '"'


class APICacheMiddleware:
    """Serve public API GETs from the shared cache, with validators a CDN understands."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rule = rule_for(request.path)
        if rule is None:
            return self.get_response(request)
        if not _is_public(request):
            response = self.get_response(request)
            response.setdefault("Cache-Control", "private, no-store")
            return response

        topics, max_age = rule
        key = self._key(request)
        # One round trip: the cached answer and the versions it must still match.
        found = cache.get_many([key, *version_keys(topics)])
        current = versions(topics, found)
        cached = found.get(key)
        if cached is None or cached[0] != current:
            response = self.get_response(request)
            if response.status_code != 200 or response.streaming or response.cookies:
                response.setdefault("Cache-Control", "no-store")
                return response
            response["ETag"] = _etag(response.content)
            # Every header the inner middleware set (Content-Security-Policy,
            # X-Frame-Options, Vary…) is stored, so a hit carries the same ones.
            cache.set(
                key,
                (current, response.content, _stored_headers(response), response["ETag"]),
                timeout=max_age,
            )
        else:
            _versions, content, headers, etag = cached
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["ETag"] = etag
            response["X-Cache"] = "hit"
        response["Cache-Control"] = f"public, max-age={max_age}"
        # The answer depends on the language, and on whether the request carries a session
        # (a signed-in user gets a private one, see _is_public): said on fresh and cached
        # answers alike (SessionMiddleware only says Cookie when the view read the session).
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def _key(request):
        """One entry per site (scheme and host: two Sites on one installation never see
        each other's answers), path with query, and language."""
        parts = [request.scheme, request.get_host(), request.get_full_path(), get_language() or ""]
        digest = hashlib.sha256("|".join(parts).encode()).hexdigest()
        return f"headless:response:{digest}"


def _stored_headers(response):
    return [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in _PER_REQUEST_HEADERS
        and not name.lower().startswith("access-control-")
    ]
