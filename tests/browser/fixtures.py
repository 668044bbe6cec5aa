"""Pytest fixtures for the browser and site-frame tests; import them into a module by name."""

import io
import os
import threading
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from .chromium import launch, require_chromium


@contextmanager
def committed_demo(django_db_blocker):
    """The demo site, committed (so a live server thread sees it), built once; afterwards
    the database is put back as the migrations left it, for the tests that follow."""
    with django_db_blocker.unblock():
        connection = connections["default"]
        pristine = connection.creation.serialize_db_to_string()
        call_command("load_demo", stdout=io.StringIO())
        try:
            yield
        finally:
            # Sequences keep counting: the restored rows keep their ids, new ones never clash.
            call_command(
                "flush",
                interactive=False,
                inhibit_post_migrate=True,
                reset_sequences=False,
                verbosity=0,
            )
            connection.creation.deserialize_db_from_string(pristine)
            cache.clear()  # Wagtail caches site root paths of the sites just removed


def _wait_for_request_threads(timeout=60):
    """Let the live server's request threads end before it stops. Each test closed its
    browser context, so their keep-alive connections are ending; a thread that outlived the
    server would close the shared in-memory SQLite connection from the wrong thread, and one
    still saving a page (a failed test leaves an autosave in flight; on a starved CPU it can
    take many seconds) would hold its write lock while the demo is emptied, so that every
    later test met "database table is locked"."""
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(timeout)


@pytest.fixture(scope="module")
def browser():
    """Chromium for one module. Not for the session: Playwright's sync API keeps an event
    loop running in this thread, so Django must be told the (perfectly synchronous) database
    access is safe, and that switch must not outlive the browser tests."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = launch(playwright)
            yield chromium
            chromium.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="module")
def site(browser, django_db_setup, django_db_blocker):
    """The demo portal served over HTTP. The browser tests only read it (the contrast choice
    lives in each browser context's cookies), so one build serves the whole module. Not
    pytest-django's ``live_server``: that one empties the database after every test."""
    from pytest_django.live_server_helper import LiveServer

    with committed_demo(django_db_blocker):
        server = LiveServer("localhost")
        try:
            yield server.url
        finally:
            _wait_for_request_threads()
            server.stop()
    # Code run while Playwright's event loop is up gets connections of its own (Django keeps
    # them per async context): close them, or the test database cannot be dropped at the end.
    with django_db_blocker.unblock():
        connections.close_all()
