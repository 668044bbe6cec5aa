"""Visitor statistics and the visit beacon: counting, bots, validation, rate limits, cache
freshness and, on PostgreSQL, exact totals under concurrency."""

import json
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings

from headless.visitors import new_token, visitor_id
from widgets.stats.counting import statistics, visitor_hash
from widgets.stats.models import RecentVisitor

STATS = "/api/v3/stats/"
HITS = "/api/v3/stats/hits/"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
READER_1 = new_token()  # a visitor token the server issued (POST /api/v3/visitor/)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def hit(client, body, user_agent=BROWSER, **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    extra.setdefault("content_type", "application/json")
    return client.post(HITS, data, HTTP_USER_AGENT=user_agent, **extra)


def test_stats_start_from_the_seeded_total(demo, client):
    body = client.get(STATS).json()
    assert body["total"] == 613_887
    assert body["today"] == 0 and body["online_now"] == 0
    assert body["as_of"]


def test_a_beacon_counts_one_visit_and_the_stats_show_it_at_once(db, client):
    before = client.get(STATS)
    response = hit(client, {"path": "/tin-tuc/", "visitor": READER_1})
    assert response.status_code == 202
    assert response.json() == {"counted": True}
    after = client.get(STATS, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert (after.json()["total"], after.json()["today"], after.json()["online_now"]) == (1, 1, 1)


def test_one_visitor_is_online_once_and_no_raw_id_or_address_is_stored(db, client):
    hit(client, {"path": "/", "visitor": READER_1})
    hit(client, {"path": "/tin-tuc/", "visitor": READER_1})
    hit(client, {"path": "/"})  # no id: the address and user agent identify the visitor
    stats = statistics()
    assert (stats.total, stats.online) == (3, 2)
    stored = list(RecentVisitor.objects.values_list("visitor", flat=True))
    assert all(READER_1 not in v and "127.0.0.1" not in v for v in stored)
    assert len(stored) == 2


def test_the_visitor_is_derived_from_the_given_id(db, client, rf):
    hit(client, {"path": "/", "visitor": READER_1})
    request = rf.post(HITS)
    expected = visitor_hash(visitor_id(request, READER_1))
    assert RecentVisitor.objects.filter(visitor=expected).exists()


@pytest.mark.parametrize("agent", ["Googlebot/2.1", "curl/8.0", ""])
def test_bots_are_not_counted(db, client, agent):
    response = hit(client, {"path": "/"}, user_agent=agent)
    assert response.status_code == 202
    assert response.json() == {"counted": False}
    assert statistics().total == 0


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"visitor": "x"},
        {"path": ""},
        {"path": "tin-tuc/"},
        {"path": "https://evil.example/"},
        {"path": 0},
        {"path": 6},
        {"path": "abc"},
        {"path": None},
        {"path": ["/"]},
        {"path": "/" + "a" * 500},
        {"path": "/", "visitor": ""},
        {"path": "/", "visitor": "v" * 129},
        {"path": "/", "visitor": 6},
        [],
        '"abc"',
    ],
)
def test_bad_beacons_are_422_problems_and_count_nothing(db, client, body):
    response = hit(client, body)
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert statistics().total == 0


def test_broken_json_is_400(db, client):
    response = hit(client, '{"path": "/"')
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        ("text/plain", '{"path": "/"}'),
        ("application/x-www-form-urlencoded", "path=/"),
        ("multipart/form-data; boundary=x", '{"path": "/"}'),
    ],
)
def test_a_body_not_sent_as_json_is_refused(db, client, content_type, data):
    response = hit(client, data, content_type=content_type)
    assert response.status_code == 415
    assert response["Content-Type"].startswith("application/problem+json")
    assert statistics().total == 0


def test_a_made_up_visitor_string_is_400_and_counts_nothing(db, client):
    for made_up in ("reader-1", READER_1 + "x"):
        response = hit(client, {"path": "/", "visitor": made_up})
        assert response.status_code == 400
        assert "POST /api/v3/visitor/" in response.json()["detail"]
        assert hit(client, {"path": "/"}, HTTP_X_PORTAL_VISITOR=made_up).status_code == 400
    assert statistics().total == 0


def test_the_token_may_come_in_the_header(db, client):
    hit(client, {"path": "/"}, HTTP_X_PORTAL_VISITOR=READER_1)
    hit(client, {"path": "/tin-tuc/", "visitor": READER_1})
    assert (statistics().total, statistics().online) == (2, 1)


def test_a_foreign_origin_is_403_and_the_own_origin_counts(db, client):
    refused = hit(client, {"path": "/"}, HTTP_ORIGIN="https://evil.example")
    assert refused.status_code == 403
    assert refused["Content-Type"].startswith("application/problem+json")
    assert statistics().total == 0
    assert hit(client, {"path": "/"}, HTTP_ORIGIN="http://testserver").status_code == 202
    with override_settings(CORS_ALLOWED_ORIGINS=["https://xa.example.vn"]):
        assert hit(client, {"path": "/"}, HTTP_ORIGIN="https://xa.example.vn").status_code == 202


def test_sixty_visitor_tokens_from_one_address_add_only_ten_unique_visitors(db, client):
    for _ in range(60):
        assert hit(client, {"path": "/", "visitor": new_token()}).status_code == 202
    stats = statistics()
    assert stats.total == 60  # every page view counts (within the rate limits) …
    assert stats.online == 11  # … but past ten new visitors, the address is one visitor
    assert hit(client, {"path": "/", "visitor": new_token()}, REMOTE_ADDR="10.0.0.9")
    assert statistics().online == 12


def test_made_up_user_agents_from_one_address_add_only_ten_unique_visitors(db, client):
    for n in range(30):
        hit(client, {"path": "/"}, user_agent=f"Mozilla/5.0 Firefox/{n}")
    assert statistics().online == 11


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_huge_body_is_413(db, client):
    response = hit(client, {"path": "/", "visitor": "x" * 5000})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/problem+json")


def test_get_on_the_beacon_is_405(db, client):
    response = client.get(HITS)
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/problem+json")


@override_settings(PORTAL_RATE_LIMITS={"hits": {"ip": "100/m", "visitor": "3/m"}})
def test_a_visitor_over_the_limit_gets_429_and_is_not_counted(db, client):
    eager = new_token()
    for _ in range(3):
        assert hit(client, {"path": "/", "visitor": eager}).status_code == 202
    refused = hit(client, {"path": "/", "visitor": eager})
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("application/problem+json")
    assert int(refused["Retry-After"]) > 0
    assert hit(client, {"path": "/", "visitor": new_token()}).status_code == 202
    assert statistics().total == 4


@override_settings(PORTAL_RATE_LIMITS={"hits": {"ip": "5/m", "visitor": "100/m"}})
def test_an_address_over_the_limit_gets_429_whatever_visitor_it_claims(db, client):
    statuses = [hit(client, {"path": "/", "visitor": new_token()}).status_code for _ in range(7)]
    assert statuses == [202] * 5 + [429] * 2
    other = hit(client, {"path": "/"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 202


def test_the_default_limits_suit_a_real_site(settings):
    assert settings.PORTAL_RATE_LIMITS["hits"] == {"ip": "120/m", "visitor": "30/m"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_beacons_lose_no_visit(on_postgres):
    total = 1000  # a salinity alert: a thousand readers at once
    tokens = [new_token() for _ in range(total)]
    errors, barrier = [], threading.Barrier(20)

    def send(start):
        client = Client()
        try:
            barrier.wait()
            for n in range(start, total, 20):
                response = hit(
                    client, {"path": "/", "visitor": tokens[n]}, REMOTE_ADDR=f"10.1.0.{n % 250}"
                )
                if response.status_code != 202:
                    errors.append(response.status_code)
        finally:
            connection.close()

    with override_settings(PORTAL_RATE_LIMITS={"hits": {"ip": "1000/m", "visitor": "10/m"}}):
        threads = [threading.Thread(target=send, args=(n,)) for n in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    stats = statistics()
    assert (stats.total, stats.today, stats.online) == (total, total, total)
