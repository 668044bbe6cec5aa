"""Same-origin forms without a CSRF cookie: the reader's page posts (a vote, the contrast
choice) come from a publicly cached page that carries no per-visitor token, so these few
anonymous, rate-limited actions are checked by where the browser says the form came from.

A browser sends ``Origin`` with every form POST (``null`` from a sandboxed or privacy-hidden
context); older ones at least a ``Referer``. A post whose origin is not this site's (the
request's host, a Wagtail Site's root URL or CSRF_TRUSTED_ORIGINS) or that names no origin at
all is refused with a 403 page, as Django's CSRF check refuses it. Django 5.2's own origin
check is private (``CsrfViewMiddleware._origin_verified``), hence this small one."""

import contextlib
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt


def _origin_of(url):
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _site_origins(request):
    from wagtail.models import Site  # headless knows Wagtail, never the apps above it

    try:
        site = Site.find_for_request(request)
    except Exception:  # a database hiccup must not turn a refusal into a 500  # noqa: BLE001
        return set()
    return {_origin_of(site.root_url)} if site is not None else set()


def allowed_origins(request):
    """The origins this site's own pages are served from."""
    origins = {_origin_of(origin) for origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", ())}
    with contextlib.suppress(DisallowedHost):  # a host not allowed is no origin of ours
        origins.add(f"{request.scheme}://{request.get_host()}".lower())
    origins |= _site_origins(request)
    origins.discard(None)
    return origins


def claimed_origin(request):
    """The origin the browser names: ``Origin``, else the ``Referer``'s; None when neither."""
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.lower() if origin != "null" else "null"
    referer = request.headers.get("Referer")
    if referer:
        return _origin_of(referer) or "null"
    return None


def same_origin(request):
    origin = claimed_origin(request)
    return origin is not None and origin in allowed_origins(request)


def same_origin_post(view):
    """For a public form's POST view: exempt from the CSRF token (the page that holds the form
    is cached for everyone), refused with 403 unless the browser names this site as its
    origin. Only for anonymous, harmless, rate-limited actions; everything else keeps
    Django's CSRF protection."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "OPTIONS") and not same_origin(request):
            message = _(
                "This form can only be sent from the portal's own pages. "
                "Go back to the page, reload it and try again."
            )
            return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")
        return view(request, *args, **kwargs)

    return wrapper
