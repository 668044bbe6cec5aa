"""Who is this reader, without knowing who they are: a stable pseudonymous id.

The id is an HMAC (keyed with SECRET_KEY) of, in order of preference, the opaque id a
frontend sends for its reader, the id in the site's visitor cookie, or the client's address
and user agent. Only the HMAC is ever stored; one reader keeps one id, so a reader's second
vote replaces the first."""

import hashlib
import hmac

from django.conf import settings

from headless.clientip import client_ip

COOKIE_NAME = "portal_visitor"


def visitor_source(request, supplied=None):
    if supplied:
        return f"given:{supplied}"
    cookie = request.COOKIES.get(getattr(settings, "PORTAL_VISITOR_COOKIE", COOKIE_NAME))
    if cookie:
        return f"cookie:{cookie}"
    return f"address:{client_ip(request)}|{request.META.get('HTTP_USER_AGENT', '')}"


def visitor_id(request, supplied=None):
    source = visitor_source(request, supplied)
    key = f"portal-visitor:{settings.SECRET_KEY}".encode()
    return hmac.new(key, source.encode(), hashlib.sha256).hexdigest()
