import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation


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


@pytest.fixture
def demo(db):
    """The demo site as ``load_demo`` builds it."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def on_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
