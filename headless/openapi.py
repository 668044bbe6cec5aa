"""Completes the OpenAPI document Ninja generates, so that it states everything a client meets:

- the problem-details answers (RFC 9457) each operation can give besides its success: 400,
  401/403 where a token is required, 404 where an address names a thing, 409, 413 and 415
  for bodies, 422 for invalid input, 429 on public writes (rate-limited);
- the caps a list enforces (``offset``, and Wagtail's ``limit`` cap ``WAGTAILAPI_LIMIT_MAX``),
  which Wagtail's own lists check without declaring;
- no operation that no request can reach (a path parameter allowing no value);
- optional request bodies as their component, without an object ``default`` beside it;
- anonymous access as the empty security requirement ``{}`` rather than an HTTP scheme
  without a ``scheme`` (which makes the document invalid and code generators fail).

It adds and never removes a documented answer; what the routers declare themselves wins."""

from django.conf import settings

from .problems import MAX_OFFSET, MESSAGES, PROBLEM_JSON

ANONYMOUS_SCHEMES = ("AllowAnonymous",)
WRITE_METHODS = ("post", "put", "patch", "delete")
# Wagtail's list filters naming an object: a locale, site or page that does not exist is a 404.
REFERENCE_FILTERS = {"locale", "site", "child_of", "descendant_of", "ancestor_of", "translation_of"}

PROBLEM_SCHEMA = {
    "title": "Problem",
    "description": "An error, as RFC 9457 problem details.",
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string", "description": "what went wrong, for a person"},
        "errors": {
            "type": "array",
            "items": {"type": "object"},
            "description": "per invalid input: its location (`loc`) and message (`msg`)",
        },
    },
    "required": ["type", "title", "status"],
}

DESCRIPTIONS = {
    400: "The request could not be understood (e.g. an unknown filter or a `limit` above the cap).",
    401: "A valid API token is required (`Authorization: Bearer …`).",
    403: "The token's user may not do this.",
    404: MESSAGES[404],
    409: "The request conflicts with the current state of the resource.",
    413: MESSAGES[413],
    415: MESSAGES[415],
    422: "The input is invalid; `errors` lists each invalid value.",
    429: MESSAGES[429] + " `Retry-After` says how many seconds.",
}


# Wagtail's find endpoints redirect to the detail of what they found.
FOUND_ELSEWHERE = {
    "description": "Found: `Location` is the address of its detail.",
    "headers": {"Location": {"schema": {"type": "string"}, "description": "the detail URL"}},
}


def complete(document):
    schemes = document.get("components", {}).get("securitySchemes", {})
    for name in ANONYMOUS_SCHEMES:
        schemes.pop(name, None)
    document.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    paths = document.get("paths", {})
    for path in [path for path, item in paths.items() if _unreachable(item)]:
        del paths[path]
    for path, item in paths.items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                _complete_operation(path, method, operation)
    return document


def _unreachable(item):
    """Whether no request can reach these operations: a path parameter that allows no value
    (Wagtail's snippet endpoints, ``{type}`` an empty choice when no snippet is registered)."""
    for operation in item.values():
        for parameter in operation.get("parameters", []) if isinstance(operation, dict) else ():
            schema = parameter.get("schema", {})
            if parameter.get("in") == "path" and (
                schema.get("const") == "" or schema.get("enum") == []
            ):
                return True
    return False


def _complete_operation(path, method, operation):
    security = operation.get("security")
    if security:
        operation["security"] = [
            {} if set(requirement) <= set(ANONYMOUS_SCHEMES) else requirement
            for requirement in security
        ]
    _drop_body_default(operation)
    parameters = operation.get("parameters", [])
    for parameter in parameters:
        _state_caps(parameter)
    for status in _statuses(path, method, operation):
        operation["responses"].setdefault(str(status), _problem_response(status))
    if method == "get" and path.endswith("/find/"):
        operation["responses"].setdefault("302", FOUND_ELSEWHERE)


def _drop_body_default(operation):
    """An optional body given as ``allOf: [$ref]`` with a ``default`` object (Wagtail's page
    actions) becomes the plain ``$ref``: the component states the same defaults field by
    field, and generators cannot give a model property a default (they skip the endpoint)."""
    for media in operation.get("requestBody", {}).get("content", {}).values():
        schema = media.get("schema", {})
        if len(schema.get("allOf", ())) == 1 and "default" in schema:
            media["schema"] = schema["allOf"][0]


def _state_caps(parameter):
    if parameter.get("in") != "query":
        return
    schema = parameter.get("schema", {})
    if schema.get("type") != "integer" or "maximum" in schema:
        return
    if parameter["name"] == "offset":
        schema["maximum"] = MAX_OFFSET
    elif parameter["name"] == "limit":
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        if limit_max is not None:
            schema["maximum"] = limit_max


def _statuses(path, method, operation):
    security = operation.get("security") or []
    token_required = bool(security) and {} not in security
    has_input = bool(operation.get("parameters") or operation.get("requestBody"))
    write = method in WRITE_METHODS
    statuses = {400} if has_input or write else set()
    if has_input or write:
        statuses.add(422)
    if token_required:
        statuses |= {401, 403}
    # An address naming a thing, a lookup, a filter or a write naming another object.
    names = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}
    if (
        write
        or "{" in path
        or path.rstrip("/").endswith(("/find", "/preview", "/routes"))
        or names & REFERENCE_FILTERS
    ):
        statuses.add(404)
    if operation.get("requestBody"):
        statuses |= {409, 413, 415}
    elif write:
        statuses.add(409)
    if write and not token_required:
        statuses.add(429)
    return sorted(statuses)


def _problem_response(status):
    return {
        "description": DESCRIPTIONS[status],
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


__all__ = ["complete"]
