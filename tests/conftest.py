import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from tests.browser.fixtures import committed_demo


def pytest_collection_modifyitems(items):
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


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker):
    """The demo site built once for a whole module and committed; each test still runs in
    its own rolled-back transaction. A module opts in with
    ``pytestmark = pytest.mark.usefixtures("shared_demo")``: every test in it then sees the
    demo, so a module with tests that need an empty site must not. Nor may a module with
    tests that commit (they empty the database) or that use no database (pytest-django runs
    those last, after the tests that commit): see ``pytest_collection_modifyitems``."""
    with committed_demo(django_db_blocker):
        yield


@pytest.fixture
def demo(request, db):
    """The demo site as ``load_demo`` builds it: the module's shared copy if it has one,
    else built for this test inside its transaction."""
    if "shared_demo" not in request.fixturenames:
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def on_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
