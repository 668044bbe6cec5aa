"""Every API error is JSON problem details (RFC 9457) with a human-readable message,
including the ones Django answers before a router runs (405, 404 of an unknown path,
a body too large, a broken JSON body).

The middleware also keeps what a router never sees from becoming a 500 or a silent loss:
an ``offset`` beyond what a database can count (Wagtail's v2 and v3 lists pass it to SQL
unchecked), a write sent without its trailing slash (Django would answer it with a redirect
that drops the body, or a RuntimeError under DEBUG), and ``HEAD``, answered as ``GET``
without its body wherever ``GET`` is."""

import json
from http import HTTPStatus

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from ninja.errors import HttpError

from .conf import app_settings

PROBLEM_JSON = "application/problem+json"
_KEEP_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")
# The largest ``offset`` any list accepts (the project's own lists declare smaller ones);
# the OpenAPI document states it for Wagtail's lists (cms/api.py).
MAX_OFFSET = 10_000_000
_SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

MESSAGES = {
    400: "The request could not be understood: check its syntax.",
    404: "Nothing is published at this address.",
    405: "This method is not allowed here.",
    413: "The request body is too large.",
    415: "Send the body as application/json.",
    429: "Too many requests: please wait before trying again.",
    500: "The server could not answer this request; it has been logged.",
    503: "The service is temporarily unavailable; please try again shortly.",
}


def problem(status, detail=None, **extra):
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or MESSAGES.get(status, HTTPStatus(status).description),
        **extra,
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_JSON
    )


def _is_api(request):
    return request.path.startswith(tuple(app_settings.PORTAL_API_PREFIXES))


class APIProblemMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_api(request):
            return self.get_response(request)
        refused = (
            _offset_too_large(request)
            or _unslashed_write(request)
            or _not_an_endpoint(request)
            or _root_without_site(request)
        )
        if refused:
            return refused
        head = request.method == "HEAD"
        if head:
            request.method = request.META["REQUEST_METHOD"] = "GET"
        response = self._problem(self.get_response(request))
        if head:
            request.method = request.META["REQUEST_METHOD"] = "HEAD"
            _drop_body(response)
        return response

    def _problem(self, response):
        if response.status_code < 400:
            return response
        content_type = response.get("Content-Type", "")
        if "json" in content_type:
            return response
        replacement = problem(response.status_code)
        for header in _KEEP_HEADERS:
            if header in response:
                replacement[header] = response[header]
        return replacement

    def process_exception(self, request, exception):
        if not _is_api(request):
            return None
        if isinstance(exception, RequestDataTooBig):
            return problem(413)
        return None


def _offset_too_large(request):
    value = request.GET.get("offset", "")
    if not (value.isascii() and value.isdigit()) or int(value) <= MAX_OFFSET:
        return None  # a malformed offset is each list's own 4xx
    message = f"offset cannot be higher than {MAX_OFFSET}"
    if request.path.startswith("/api/v2/"):
        return problem(400, message)  # v2 answers every bad offset with a 400
    error = {"type": "less_than_equal", "loc": ["query", "offset"], "msg": message}
    return problem(422, "Validation failed", errors=[error])


def _resolves(request, path):
    try:
        match = resolve(path, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return match.url_name != "wagtail_serve"


def _unslashed_write(request):
    path = request.path_info
    if request.method in _SAFE_METHODS or path.endswith("/") or _resolves(request, path):
        return None
    detail = MESSAGES[404]
    if _resolves(request, path + "/"):
        detail = f"{detail} Did you mean {request.path}/ (with the trailing slash)?"
    return problem(404, detail)


def _root_without_site(request):
    """``child_of=root`` (or ``descendant_of=root``) means the root page of the site serving
    the host; when no site serves it, Wagtail's filter fails with an AttributeError."""
    if "root" not in (request.GET.get("child_of"), request.GET.get("descendant_of")):
        return None
    from wagtail.models import Site

    if Site.find_for_request(request) is not None:
        return None
    return problem(404, "No site serves this host name, so it has no root page.")


def _not_an_endpoint(request):
    """An API address no route matches (e.g. a path parameter of the wrong type) is a 404
    problem here, not a page Wagtail would try to serve (a POST would meet its CSRF 403)."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return problem(404) if match.url_name == "wagtail_serve" else None


def _drop_body(response):
    if response.streaming:
        response.streaming_content = []
    else:
        length = len(response.content)
        response.content = b""
        response["Content-Length"] = str(length)


def install_handlers(api):
    """Handlers for errors the project's routers raise, on the shared v3 NinjaAPI."""
    from .ratelimit import RateLimited

    @api.exception_handler(RateLimited)
    def rate_limited(request, exc):
        response = problem(429, str(exc))
        response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return problem(413)

    return api


__all__ = ["HttpError", "install_handlers", "problem", "APIProblemMiddleware"]
