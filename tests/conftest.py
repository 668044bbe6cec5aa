import pytest
from django.core.management import call_command
from django.db import connection


@pytest.fixture
def demo(db):
    """The demo site as ``load_demo`` builds it."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def on_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
