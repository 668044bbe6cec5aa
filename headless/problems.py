"""Every API error is JSON problem details (RFC 9457) with a human-readable message,
including the ones Django answers before a router runs (405, 404 of an unknown path,
a body too large, a broken JSON body)."""

import json
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from ninja.errors import HttpError

PROBLEM_JSON = "application/problem+json"
API_PREFIXES = ("/api/",)
_KEEP_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")

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
    return request.path.startswith(getattr(settings, "PORTAL_API_PREFIXES", API_PREFIXES))


class APIProblemMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_api(request):
            return self.get_response(request)
        response = self.get_response(request)
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
