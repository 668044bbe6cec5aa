"""Operational endpoints and behaviour: the load balancer's health check, and a clear 503
(not a traceback) while the database is unreachable."""

import logging
import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from headless.problems import problem

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """200 when the database and the cache answer, 503 otherwise (for load balancers)."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        checks["database"] = "unavailable"
    try:
        key = f"healthz:{uuid.uuid4().hex}"
        cache.set(key, "1", timeout=5)
        checks["cache"] = "ok" if cache.get(key) == "1" else "unavailable"
        cache.delete(key)
    except Exception:  # noqa: BLE001 - any cache backend error means "unavailable"
        logger.exception("Health check: cache unreachable")
        checks["cache"] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )


def server_error(request):
    """handler500: a 503 with Retry-After while the database is away (the next request after
    it returns reconnects, as CONN_HEALTH_CHECKS is on), a plain 500 otherwise; JSON for the
    API, a self-contained page (no database, no context processors) for people."""
    exception = sys.exc_info()[1]
    unavailable = isinstance(exception, (OperationalError, InterfaceError))
    status = 503 if unavailable else 500
    if request.path.startswith("/api/"):
        response = problem(status)
    else:
        response = HttpResponse(render_to_string(f"{status}.html"), status=status)
    if unavailable:
        response["Retry-After"] = "30"
    return response
