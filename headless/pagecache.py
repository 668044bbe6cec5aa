"""Public pages cacheable by a CDN or a caching proxy.

An anonymous reader's GET of a public HTML page is the same for everyone (no cookie is read
into it, none is set), so it is marked ``Cache-Control: public, max-age=PORTAL_PAGE_MAX_AGE``
and ``Vary`` keeps only what really changes it. Everything else keeps the behaviour Django
gives it, and whatever a signed-in editor sees is ``private, no-cache``.

Never public: the admin and the API (``PORTAL_PAGE_CACHE_EXCLUDED_PATHS``; the API has its own
caching), previews, a response that sets a cookie or already says how to cache itself, a
request that carries a session cookie (a signed-in editor, or a reader who opened a
password-protected page), errors and redirects, anything but HTML.

The proxy in front must not serve a cached page to a signed-in editor either (the shared cache
would hand them the page without the userbar): it bypasses its cache when the request carries
the session cookie, and otherwise keys on the URL alone (not on cookies: the contrast and
visitor cookies change nothing in a page). nginx::

    proxy_cache_path /var/cache/nginx/portal keys_zone=portal:50m inactive=10m;
    location / {
        proxy_cache          portal;
        proxy_cache_key      $scheme$host$request_uri;
        proxy_cache_bypass   $cookie_sessionid;   # signed-in editors: straight through
        proxy_no_cache       $cookie_sessionid;
        proxy_cache_methods  GET HEAD;            # never a POST (votes, contrast, beacon)
        proxy_pass           http://portal_app;
    }

nginx honours ``Cache-Control`` (``private``/``no-cache``/``Set-Cookie`` are not stored).
Publishing purges a page from the proxy through ``wagtail.contrib.frontend_cache``
(FRONTEND_CACHE_PURGE_URL); listings and the home page follow within the max-age."""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.urls import get_urlconf
from django.utils.cache import patch_cache_control

from .conf import app_settings


def _excluded(path):
    return path.startswith(tuple(app_settings.PORTAL_PAGE_CACHE_EXCLUDED_PATHS))


def _signed_in(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_public(request, response):
    """Whether ``response`` is the page every anonymous reader gets for this URL."""
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.has_header("Cache-Control")
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and not _excluded(request.path)
        and not _has_session(request)
        and not _signed_in(request)
    )


def _language_from_path_only(request):
    """True when the URL alone decides the language (``i18n_patterns`` without a prefix for the
    default language: Django then ignores Accept-Language and the language cookie)."""
    urlconf = getattr(request, "urlconf", None) or get_urlconf() or settings.ROOT_URLCONF
    used, prefixed_default = is_language_prefix_patterns_used(urlconf)
    return used and not prefixed_default


def _keep_vary(response, dropped):
    kept = [
        value.strip()
        for value in response.get("Vary", "").split(",")
        if value.strip() and value.strip().lower() not in dropped
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


class PublicPageCacheMiddleware:
    """Place before SessionMiddleware and LocaleMiddleware: it sees their ``Vary`` and
    removes what does not apply to a public page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _excluded(request.path):
            return response
        html = response.get("Content-Type", "").startswith("text/html")
        if is_public(request, response):
            patch_cache_control(response, public=True, max_age=app_settings.PORTAL_PAGE_MAX_AGE)
            # The session was looked at (is anyone signed in?) but nobody is: no Cookie. The
            # language comes from the path: no Accept-Language.
            dropped = {"cookie"}
            if _language_from_path_only(request):
                dropped.add("accept-language")
            _keep_vary(response, dropped)
        elif html and (_signed_in(request) or _has_session(request)):
            patch_cache_control(response, private=True, no_cache=True)
        return response
