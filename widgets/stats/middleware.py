"""Counts page views of the server-rendered site: successful GET requests for HTML pages,
not the admin, the API, static or media files. Counting never breaks the page."""

import logging

from headless.clientip import client_ip

from ..conf import app_settings
from .counting import count_visit
from .visitors import capped

logger = logging.getLogger(__name__)


def should_count(request, response):
    excluded = app_settings.PORTAL_STATS_EXCLUDED_PATHS
    return (
        request.method == "GET"
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not request.path.startswith(tuple(excluded))
        and not getattr(response, "streaming", False)
    )


class VisitCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if should_count(request, response):
            user_agent = request.META.get("HTTP_USER_AGENT", "")
            try:
                identity = capped(request, f"{client_ip(request)}|{user_agent}")
                count_visit(identity, user_agent)
            except Exception:
                logger.exception("Could not count a visit to %s", request.path)
        return response
