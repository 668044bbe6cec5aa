"""Unique visitors cannot be inflated from one address: past 10 new visitors an hour
(PORTAL_NEW_VISITORS_PER_ADDRESS), made-up user agents sending the site's visit beacon count
as the address itself. Every page view still counts."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from widgets.stats.counting import statistics

HITS = "/api/v3/stats/hits/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def page_view(client, agent, **extra):
    """What a reader's browser does for one page: the (cached) page, then its beacon."""
    assert client.get("/", HTTP_USER_AGENT=agent, **extra).status_code == 200
    beacon = client.post(
        HITS,
        {"path": "/"},
        content_type="application/json",
        HTTP_USER_AGENT=agent,
        HTTP_ORIGIN="http://testserver",
        **extra,
    )
    assert beacon.status_code == 202


def test_made_up_user_agents_add_at_most_ten_unique_visitors(demo, client):
    before = statistics()
    for n in range(30):
        page_view(client, f"Mozilla/5.0 Firefox/{n}")
    after = statistics()
    assert after.total == before.total + 30
    assert after.online == before.online + 11  # ten new visitors, then the address as one
    page_view(client, "Mozilla/5.0 Firefox/99", REMOTE_ADDR="198.51.100.4")
    assert statistics().online == before.online + 12, "another address is another visitor"


@override_settings(PORTAL_NEW_VISITORS_PER_ADDRESS="")
def test_the_cap_can_be_switched_off(demo, client):
    before = statistics()
    for n in range(15):
        page_view(client, f"Mozilla/5.0 Firefox/{n}")
    assert statistics().online == before.online + 15
