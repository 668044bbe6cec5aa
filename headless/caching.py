"""HTTP caching for the public API: ETag and Cache-Control on every public GET, 304 on
If-None-Match, and a shared server-side cache invalidated by content versions.

Every cached response is keyed by the versions of the topics it depends on; a change bumps
its topic's version (see ``bump``), so listings and details go stale together and no key
has to be found and deleted. An entry belongs to one site (scheme and host), path with query
and language (``headless.language``), and replays every header the view and the inner
middleware gave the fresh answer; CORS, validators and freshness are set for each request.

Headless knows only pages: each app registers its own topics and the API paths that depend on
them (``register_cache_topic``, ``register_cache_rule``) in its ``AppConfig.ready``."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language

from .conf import app_settings

# Headers never stored with a cached answer: the ones set again for each request (CORS is
# decided for the request's own Origin, validators and freshness are set below).
_PER_REQUEST_HEADERS = ("date", "x-cache", "set-cookie", "etag", "cache-control")
_VERSION_KEY = "headless:version:{}"
# Topic -> whether pages show it. Pages (Wagtail's own topic) are headless's; each app
# registers the data it owns in its AppConfig.ready.
_topics = {"pages": True}
# Path prefix -> (topics the answer depends on, max-age seconds), registered by the apps.
_rules = {"/api/v3/openapi.json": ((), 300)}
# Below the registered prefixes: Wagtail's page APIs, whose pages embed live data.
_PAGE_API_PREFIXES = ("/api/v3/", "/api/v2/")
_PAGE_API_MAX_AGE = 60


def register_cache_topic(name, *, shown_in_pages=True):
    """Make ``name`` a topic writers ``bump`` and cached answers depend on. With
    ``shown_in_pages`` (the default) every page and page listing depends on it too, since
    pages embed live data in their bodies; a topic only its own endpoint shows (counters
    changed by every visit) passes False, so that a change to it keeps cached pages."""
    _topics[name] = shown_in_pages


def register_cache_rule(prefix, topics, max_age):
    """Cache public GET answers under the path ``prefix`` for ``max_age`` seconds, renewed
    as soon as one of ``topics`` changes. The longest matching prefix applies. The topics
    may be registered later (by an app readied after this one); a system check reports any
    that never is (``headless.checks``)."""
    _rules[prefix] = (tuple(topics), max_age)


def unregistered_rule_topics():
    """Prefix -> the topics its rule names that no app registered (a typo would otherwise
    leave that answer cached until it expires)."""
    found = {}
    for prefix, (depends_on, _max_age) in _rules.items():
        unknown = sorted(set(depends_on) - set(_topics))
        if unknown:
            found[prefix] = unknown
    return found


def registered_topics():
    """Every registered topic."""
    return tuple(_topics)


def content_topics():
    """What pages and listings show: every topic but the ones registered as not shown in
    pages (the visit counters: a visit must not throw away every cached page)."""
    return tuple(topic for topic, shown in _topics.items() if shown)


def rules():
    """(prefix, topics, max-age) in the order they are tried: PORTAL_API_CACHE_RULES if the
    project sets it, else the registered rules, longest prefix first, then the page APIs."""
    if app_settings.PORTAL_API_CACHE_RULES is not None:
        return app_settings.PORTAL_API_CACHE_RULES
    registered = sorted(_rules.items(), key=lambda item: len(item[0]), reverse=True)
    pages = [(prefix, content_topics(), _PAGE_API_MAX_AGE) for prefix in _PAGE_API_PREFIXES]
    return [(prefix, *rule) for prefix, rule in registered] + pages


def rule_for(path):
    for prefix, depends_on, max_age in rules():
        if path.startswith(prefix):
            return depends_on, max_age
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
