"""Who is this reader, without knowing who they are: a stable pseudonymous id.

The server issues each reader's identity: a random id signed with Django's signing (keyed
with SECRET_KEY), kept by the site's browsers in an HttpOnly cookie and by a headless frontend
as a token it gets from ``POST /api/v3/visitor/`` and sends back (``X-Portal-Visitor`` header
or the body's ``visitor`` field). A string the client made up is refused, so it cannot mint new
voters; without any identity the client's address and user agent stand in. Only an HMAC of the
identity is ever stored: one reader keeps one id, so a reader's second vote replaces the
first."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core import signing

from .clientip import client_ip
from .conf import app_settings

HEADER = "X-Portal-Visitor"
SIGNING_NAMESPACE = "portal.visitor"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
INVALID_MESSAGE = (
    "The visitor token was not issued by this site: get one from POST /api/v3/visitor/."
)


class InvalidVisitorToken(ValueError):
    """The visitor token was not issued by this site (or was altered)."""


def cookie_name():
    return app_settings.PORTAL_VISITOR_COOKIE


def new_token():
    """A fresh server-issued visitor identity, signed."""
    return signing.dumps(secrets.token_urlsafe(16), salt=SIGNING_NAMESPACE)


def token_id(token):
    """The random id inside a token this site issued; None for anything else."""
    try:
        value = signing.loads(token or "", salt=SIGNING_NAMESPACE)
    except signing.BadSignature:
        return None
    return value if isinstance(value, str) and value else None


def visitor_source(request, supplied=None, *, header=True):
    """What identifies the reader: the token supplied in the body or (if ``header``) the
    header, else the cookie, else the address and user agent. Raises InvalidVisitorToken for a
    supplied token (body or header) that this site did not issue."""
    supplied = supplied or (request.headers.get(HEADER) if header else None)
    if supplied:
        ident = token_id(supplied)
        if ident is None:
            raise InvalidVisitorToken(supplied[:20])
        return f"visitor:{ident}"
    ident = token_id(request.COOKIES.get(cookie_name()))
    if ident:
        return f"visitor:{ident}"
    return f"address:{client_ip(request)}|{request.META.get('HTTP_USER_AGENT', '')}"


def visitor_id(request, supplied=None, *, header=True):
    source = visitor_source(request, supplied, header=header)
    key = f"portal-visitor:{settings.SECRET_KEY}".encode()
    return hmac.new(key, source.encode(), hashlib.sha256).hexdigest()


def has_identity(request, supplied=None):
    """Whether the request carries a server-issued identity (token or cookie)."""
    return bool(token_id(supplied or request.headers.get(HEADER))) or bool(
        token_id(request.COOKIES.get(cookie_name()))
    )


def ensure_cookie(request):
    """The reader's cookie token and whether it is new. A new one is put into
    ``request.COOKIES``, so this request already counts under the id the reader keeps."""
    current = request.COOKIES.get(cookie_name())
    if token_id(current):
        return current, False
    request.COOKIES[cookie_name()] = token = new_token()
    return token, True


def set_cookie(response, token):
    response.set_cookie(
        cookie_name(),
        token,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
    )
