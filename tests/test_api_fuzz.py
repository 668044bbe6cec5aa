"""schemathesis against the running OpenAPI document: generated requests for every operation,
bounded in time; no server error and no response outside its documented schema."""

import os
from contextlib import contextmanager

import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

MAX_EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "12"))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def fuzz_operation(operation, max_examples):
    @given(case=operation.as_strategy())
    @settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()


@contextmanager
def connections_kept_open():
    """The real WSGI handler closes the database connection after each request; inside a
    test's transaction that would lose it (as Django's own test client knows)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def fuzz(max_examples=MAX_EXAMPLES):
    """Fuzz every operation; return {operation: failure} for those that failed."""
    with connections_kept_open():
        return _fuzz(max_examples)


def _fuzz(max_examples):
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())
    failures, count = {}, 0
    for result in schema.get_all_operations():
        operation = result.ok()
        count += 1
        try:
            fuzz_operation(operation, max_examples)
        except Unsatisfiable:
            continue  # e.g. a {type} enum with no members: no request can be made
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure
            failures[operation.label] = f"{type(exc).__name__}: {exc}"[:2000]
    return count, failures


def test_no_request_gets_a_server_error_or_an_undocumented_answer(demo):
    count, failures = fuzz()
    assert count > 5
    assert not failures, "\n\n".join(f"{op}\n{text}" for op, text in failures.items())
