import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from headless.clientip import client_ip
from headless.ratelimit import RateLimited, first_seen_within_cap, hit, parse_rate


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def test_rates_parse():
    assert parse_rate("30/m") == (30, 60)
    assert parse_rate("5/10s") == (5, 10)
    assert parse_rate("1000/d") == (1000, 86400)


def test_the_request_over_the_limit_is_refused_with_a_wait():
    for _ in range(3):
        hit("test", "visitor-a", "3/m")
    with pytest.raises(RateLimited) as refused:
        hit("test", "visitor-a", "3/m")
    assert refused.value.status_code == 429
    assert 0 < refused.value.retry_after <= 60


def test_limits_are_per_identity_and_scope():
    for _ in range(3):
        hit("test", "visitor-a", "3/m")
    hit("test", "visitor-b", "3/m")
    hit("other", "visitor-a", "3/m")


def test_client_ip_ignores_forwarded_for_without_trusted_proxies():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "10.0.0.1"


@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1)
def test_client_ip_behind_one_trusted_proxy_takes_the_address_it_saw():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    assert client_ip(request) == "203.0.113.9"  # 6.6.6.6 was written by the client itself


def test_new_identities_per_address_are_capped_but_known_ones_pass():
    assert all(first_seen_within_cap("t", "203.0.113.1", f"id-{n}", "3/h") for n in range(3))
    assert not first_seen_within_cap("t", "203.0.113.1", "id-new", "3/h")
    assert first_seen_within_cap("t", "203.0.113.1", "id-0", "3/h"), "seen before: passes"
    assert first_seen_within_cap("t", "198.51.100.2", "id-new", "3/h"), "another address"


def test_no_address_appears_in_the_cache_keys():
    hit("test", "203.0.113.77", "3/m")
    first_seen_within_cap("t", "203.0.113.77", "reader", "3/h")
    if not hasattr(cache, "_cache"):
        pytest.skip("reads the local-memory cache's keys")
    keys = list(cache._cache)
    assert keys and not any("203.0.113.77" in str(key) for key in keys)
