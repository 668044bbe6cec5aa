"""schemathesis over the whole OpenAPI document, Wagtail's operations included, as its command
line runs it: every check, every phase (examples, coverage, fuzzing, stateful), in process
against the WSGI application. No server error, no answer outside the documented schema, no
invalid input accepted. Bounded in time for the suite; ``make bench`` runs a larger budget
(bench/fuzz.py)."""

import gc
import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.db import connections
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema

from tests.browser.fixtures import committed_demo

MAX_EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "5"))
MAX_SECONDS = int(os.environ.get("API_FUZZ_SECONDS", "45"))

# Operations with rules the schema cannot state, each documented in the operation: a
# schema-valid request may break them and gets a 4xx problem that names the rule
# ("positive data acceptance" then allows that answer, and only there).
CROSS_PARAMETER_RULES = {
    # Wagtail's lists: filters that exclude each other (child_of with descendant_of), random
    # order while searching, `order`/`fields` naming a field the type does not have.
    "/api/v3/pages/": [400, 422],
    "/api/v3/pages/find/": [400, 422],
    "/api/v3/images/": [400, 422],
    "/api/v3/documents/": [400, 422],
    "/api/v3/redirects/": [400, 422],
    # `from` not after `to`.
    "/api/v3/stations/{id}/readings/": [422],
    "/api/v3/stations/{id}/readings.csv": [422],
    # `date_from` not after `date_to`.
    "/api/v3/articles/": [422],
    # the visitor token must be one this site issued (POST /api/v3/visitor/).
    "/api/v3/stats/hits/": [400],
    "/api/v3/articles/{page_id}/rating/": [400],
    # A gauge's batch: its station codes must name stations and its metrics ones they
    # measure, checked like an imported file (a 422 lists each bad row).
    "/api/v3/stations/readings/": [422],
    # Wagtail's writes (run with the administrator's token of `make bench`): a site's
    # hostname and port must be free and its root page exist; only an alias converts; a page
    # never moves under itself, and the root never moves.
    "/api/v3/sites/": [400, 422],
    "/api/v3/sites/{site_id}/": [400, 422],
    "/api/v3/pages/{page_id}/actions/convert_alias/": [400],
    "/api/v3/pages/{page_id}/actions/move/": [400, 422],
}
ACCEPTED = ["2xx", "3xx", 401, 403, 404, 409, 429]


def config(max_examples, max_seconds, token=None):
    operations = "".join(
        f"""
[[operations]]
include-path = "{path}"
checks.positive_data_acceptance.expected-statuses = {ACCEPTED + statuses!r}
"""
        for path, statuses in CROSS_PARAMETER_RULES.items()
    ).replace("'", '"')
    return SchemathesisConfig.from_str(
        f"""
max-time = {max_seconds}
seed = 2026{_auth(token)}
continue-on-failure = true

[generation]
max-examples = {max_examples}
deterministic = true
database = "none"

[checks]
enabled = true
{_ignored_auth(token)}
[phases.examples]
enabled = true
[phases.coverage]
enabled = true
[phases.fuzzing]
enabled = true
[phases.stateful]
enabled = true
max-steps = {max(10, max_examples * 4)}
{operations}"""
    )


def _auth(token):
    """With an editor's API token the write operations run past their 401 (bench only)."""
    # A header rather than `[auth]`: schemathesis's WSGI transport fails on the latter (4.32).
    return f'\nheaders = {{ Authorization = "Bearer {token}" }}' if token else ""


def _ignored_auth(token):
    # schemathesis 4.32's probe without credentials fails on its WSGI transport (it passes
    # `max_redirects` to werkzeug); the tokenless run of the suite sees the 401s instead.
    return "ignored_auth.enabled = false\n" if token else ""


def fuzz(max_examples=MAX_EXAMPLES, max_seconds=MAX_SECONDS, token=None):
    """Run every phase and check; return (statistics, {failure: reproduction}). schemathesis
    calls the application from worker threads, each with its own database connection: the
    data must be committed."""
    return _fuzz(config(max_examples, max_seconds, token))


def _fuzz(settings):
    schema = schemathesis.openapi.from_wsgi(
        "/api/v3/openapi.json", get_wsgi_application(), config=settings
    )
    stats = {"operations": len(list(schema.get_all_operations())), "requests": 0}
    failures, errors = {}, []
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished | events.FuzzScenarioFinished):
            stats["requests"] += len(event.recorder.interactions)
            _collect(event.recorder, failures)
        elif isinstance(event, events.NonFatalError):
            errors.append(f"{event.label}: {event.info.format()}"[:1000])
        elif isinstance(event, events.FatalError):
            errors.append(f"fatal: {event.exception!r}"[:1000])
        elif isinstance(event, events.EngineFinished):
            stats["seconds"] = round(event.running_time)
            stats["stopped"] = str(event.stop_reason)
    for error in errors:
        failures[f"error {len(failures)}"] = error
    return stats, failures


def _collect(recorder, failures):
    for nodes in recorder.checks.values():
        for node in nodes:
            if node.status != Status.FAILURE or node.failure_info is None:
                continue
            failure = node.failure_info.failure
            key = f"{recorder.label}: {failure.title}"
            if key not in failures:
                failures[key] = f"{failure.message}\n{node.failure_info.code_sample}"[:2000]


@pytest.fixture(scope="module")
def committed(django_db_setup, django_db_blocker):
    with committed_demo(django_db_blocker), django_db_blocker.unblock():
        yield
        connections.close_all()
        # The worker threads are gone; their connections close when collected (PostgreSQL
        # cannot drop the test database while one is open).
        gc.collect()


@pytest.mark.django_db
def test_no_server_error_no_undocumented_answer_no_invalid_input_accepted(committed):
    stats, failures = fuzz()
    assert stats["operations"] > 30
    assert stats["requests"] >= stats["operations"], stats
    assert not failures, "\n\n".join(f"{key}\n{text}" for key, text in failures.items())
