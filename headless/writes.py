"""Public writes (what a reader's page posts: a vote, a visit beacon) that other websites
cannot make from their visitors' browsers: the body must be application/json (a cross-site
form or ``text/plain`` ``fetch`` cannot send that without a CORS preflight, which only allowed
origins pass), and a request whose ``Origin`` is neither this site's nor an allowed one is
refused outright."""

import re
from functools import wraps
from typing import Annotated

from django.conf import settings
from ninja import Field
from ninja.errors import HttpError

from . import visitors
from .origins import allowed_origins
from .problems import problem

# The ``visitor`` field of a public write's body.
VisitorToken = Annotated[
    str | None,
    Field(
        None,
        min_length=1,
        max_length=128,
        description=(
            "the reader's visitor token from POST /api/v3/visitor/ (or send it in the "
            "X-Portal-Visitor header); without one the site's visitor cookie, else the address "
            "and user agent, stand in; a string the client made up is refused"
        ),
    ),
]


def is_json(request):
    content_type = request.content_type or ""
    return content_type == "application/json" or content_type.endswith("+json")


def origin_allowed(request):
    """True without an ``Origin`` header (not a browser's cross-site request) or when it is
    one of this site's (``headless.origins.allowed_origins``: its host, its Site's root URL,
    CSRF_TRUSTED_ORIGINS) or in CORS_ALLOWED_ORIGINS / CORS_ALLOWED_ORIGIN_REGEXES."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    if getattr(settings, "CORS_ALLOW_ALL_ORIGINS", False):
        return True
    if origin.lower() in allowed_origins(request):
        return True
    if origin in set(getattr(settings, "CORS_ALLOWED_ORIGINS", ())):
        return True
    patterns = getattr(settings, "CORS_ALLOWED_ORIGIN_REGEXES", ())
    return any(re.match(pattern, origin) for pattern in patterns)


def public_write(body_required=True):
    """For ``ninja.decorators.decorate_view``: 403 for a foreign ``Origin``, 415 for a body
    that is not JSON (checked before Ninja parses it). With ``body_required=False`` an empty
    body is accepted as well."""

    def decorator(run):
        @wraps(run)
        def wrapper(request, *args, **kwargs):
            if not origin_allowed(request):
                return problem(403, "Requests from this origin are not allowed.")
            if not is_json(request) and (body_required or request.body):
                return problem(415)
            return run(request, *args, **kwargs)

        return wrapper

    return decorator


def writer_id(request, token=None):
    """The visitor id of the reader making a public write (``headless.visitors``), from
    ``token`` (the body's ``visitor`` field), the header or the cookie; 400 for a token this
    site did not issue."""
    try:
        return visitors.visitor_id(request, token)
    except visitors.InvalidVisitorToken:
        raise HttpError(400, visitors.INVALID_MESSAGE) from None
