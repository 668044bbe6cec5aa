import contextlib

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from tests.browser.fixtures import committed_demo


def pytest_collection_modifyitems(items):
    """Check the shared demo's users, then run them first and together, so that one demo
    serves them all (see ``shared_demo``). pytest-django has already put the tests in
    rolled-back transactions first (its hook runs first); these are all among them."""
    _check_shared_demo_users(items)
    users = [item for item in items if _uses_shared_demo(item)]
    others = [item for item in items if not _uses_shared_demo(item)]
    items[:] = users + others


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Empty the shared demo as soon as the next test does not use it, even when that test is
    in the same module (whose ``shared_demo`` then stays set up, unused: its users ran first).
    After the last test of all, the fixture's own teardown does it, before the database goes."""
    result = yield
    if nextitem is not None and not _uses_shared_demo(nextitem):
        _close_shared_demo()
    return result


def _uses_shared_demo(item):
    return "shared_demo" in getattr(item, "fixturenames", ())


def _close_shared_demo():
    if _shared["demo"] is not None:
        _shared["demo"].close()
        _shared["demo"] = None


def _check_shared_demo_users(items):
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "shared_demo" not in names:
            continue
        marker = item.get_closest_marker("django_db")
        transactional = "transactional_db" in names or (
            marker is not None and marker.kwargs.get("transaction")
        )
        if transactional or ("db" not in names and marker is None):
            raise pytest.UsageError(
                f"{item.nodeid}: a module using shared_demo may only hold tests that run in a "
                "rolled-back transaction (ask for db or demo, and do not commit)."
            )


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request to /en/ through the test
    client leaves English active in the thread, which later tests must not inherit."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back after a test, so
    responses and widgets cached from its rows (or rate-limit counts) must not outlive it."""
    cache.clear()
    yield
    cache.clear()


_shared = {"demo": None, "next_item": None}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    _shared["next_item"] = nextitem


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker):
    """The demo site built once and committed, kept from one module to the next while the
    next test asks for it too (``pytest_collection_modifyitems`` runs them together, so the
    whole run builds it once); each test still runs in its own rolled-back transaction. A
    module opts in with ``pytestmark = pytest.mark.usefixtures("shared_demo")``: every test
    in it then sees the demo, so a module with tests that need an empty site must not. Nor
    may a module with tests that commit (they empty the database) or that use no database
    (pytest-django runs those last, after the tests that commit)."""
    if _shared["demo"] is None:
        stack = contextlib.ExitStack()
        stack.enter_context(committed_demo(django_db_blocker))
        _shared["demo"] = stack
    yield
    following = _shared["next_item"]
    if following is None or not _uses_shared_demo(following):
        _close_shared_demo()


@pytest.fixture
def demo(shared_demo, db):
    """The demo site as ``load_demo`` builds it: the shared copy (see ``shared_demo``), so a
    test that asks for it runs in a rolled-back transaction."""


@pytest.fixture
def on_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
