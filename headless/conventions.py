"""Conventions every project router follows, installed on the shared v3 API in one place:

- a query parameter the operation does not declare is a 400 problem naming it, not silently
  ignored (a typo such as ``?categroy=`` would otherwise return the unfiltered list);
- every timestamp is ISO 8601 with the offset of ``TIME_ZONE`` (Asia/Ho_Chi_Minh:
  ``2021-10-18T07:00:00+07:00``), never ``Z`` in one place and ``+07:00`` in another. Dates
  without a time stay ``YYYY-MM-DD``."""

import datetime
import inspect
from functools import wraps

from django.utils import timezone
from ninja.responses import NinjaJSONEncoder

from .problems import problem

TIMESTAMP_CONVENTION = (
    "Timestamps are ISO 8601 with the offset of the portal's time zone "
    "(Asia/Ho_Chi_Minh, `+07:00`), e.g. `2021-10-18T07:00:00+07:00`; dates are `YYYY-MM-DD`. "
    "A query parameter an operation does not declare is a 400 problem naming it."
)


def declared_query_names(operation):
    """The names a client may send in the query string of ``operation`` (aliases included)."""
    names = set()
    for model in operation.models:
        if getattr(model, "__ninja_param_source__", None) != "query":
            continue
        flatten = getattr(model, "__ninja_flatten_map__", None) or {}
        names.update(flatten or model.model_fields)
    return names


def unknown_query_problem(request, allowed):
    unknown = sorted(name for name in request.GET if name not in allowed)
    if not unknown:
        return None
    listed = ", ".join(unknown)
    expected = ", ".join(sorted(allowed)) or "none"
    return problem(
        400,
        f"Unknown query parameter(s): {listed}. This operation accepts: {expected}.",
        unknown_parameters=unknown,
        accepted_parameters=sorted(allowed),
    )


def forbid_unknown_query(*routers):
    """Make every operation of ``routers`` answer 400 to a query parameter it does not
    declare. Checked before validation, so a typo is named even next to a valid filter."""
    for router in routers:
        if strict_query not in [decorator for decorator, _mode in router._decorators]:
            router.add_decorator(strict_query, mode="view")


def strict_query(run):
    """Ninja "view" decorator of an operation's ``run`` (the operation is its ``__self__``)."""
    bound = inspect.unwrap(run, stop=lambda func: hasattr(func, "__self__"))
    allowed = declared_query_names(bound.__self__)

    @wraps(run)
    def strict(request, *args, **kwargs):
        return unknown_query_problem(request, allowed) or run(request, *args, **kwargs)

    return strict


class LocalTimeEncoder(NinjaJSONEncoder):
    """Aware datetimes in the portal's time zone, so every timestamp carries ``+07:00``."""

    def default(self, o):
        if isinstance(o, datetime.datetime) and timezone.is_aware(o):
            return timezone.localtime(o).isoformat()
        return super().default(o)


def install(api, *routers):
    """Apply the conventions to the v3 ``api`` and the project's ``routers``."""
    api.renderer.encoder_class = LocalTimeEncoder
    forbid_unknown_query(*routers)
    if TIMESTAMP_CONVENTION not in (api.description or ""):
        api.description = f"{api.description or ''} {TIMESTAMP_CONVENTION}".strip()
    return api
