"""Visitor statistics: online now, today (Asia/Ho_Chi_Minh), total since launch; no raw
address stored; bots not counted; no increment lost under concurrency."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import translation

from tests.factories_widgets import local
from widgets.stats.blocks import StatisticsBlock
from widgets.stats.counting import count_visit, is_bot, seed_total, statistics, visitor_hash
from widgets.stats.models import DailyVisits, RecentVisitor, VisitCounter

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
NOON = local(2021, 10, 18, 12)


def test_counts_visits_today_and_in_total_from_the_seeded_figure(db):
    seed_total(613_887)
    seed_total(1)  # seeding again does not reset a running counter
    for minute in range(3):
        count_visit("1.2.3.4|a", BROWSER, now=NOON + datetime.timedelta(minutes=minute))
    count_visit("5.6.7.8|b", BROWSER, now=NOON)
    stats = statistics(now=NOON + datetime.timedelta(minutes=3))
    assert (stats.online, stats.today, stats.total) == (2, 4, 613_891)


def test_online_now_is_distinct_visitors_in_the_last_five_minutes(db):
    count_visit("a", BROWSER, now=NOON)
    count_visit("b", BROWSER, now=NOON + datetime.timedelta(minutes=2))
    assert statistics(now=NOON + datetime.timedelta(minutes=4)).online == 2
    assert statistics(now=NOON + datetime.timedelta(minutes=6)).online == 1
    assert statistics(now=NOON + datetime.timedelta(minutes=8)).online == 0


def test_today_starts_at_midnight_in_ho_chi_minh_city(db):
    # 23:30 on the 17th in Vietnam is 16:30 UTC; 00:30 on the 18th is 17:30 UTC the 17th.
    count_visit("a", BROWSER, now=local(2021, 10, 17, 23, 30))
    count_visit("a", BROWSER, now=local(2021, 10, 18, 0, 30))
    assert statistics(now=local(2021, 10, 18, 0, 31)).today == 1
    assert list(DailyVisits.objects.order_by("day").values_list("visits", flat=True)) == [1, 1]


def test_no_raw_address_is_stored_and_the_salt_changes_daily(db):
    count_visit("203.0.113.7|" + BROWSER, BROWSER, now=NOON)
    stored = RecentVisitor.objects.get().visitor
    assert "203.0.113.7" not in stored and len(stored) == 64
    today = visitor_hash("203.0.113.7|x", datetime.date(2021, 10, 18))
    tomorrow = visitor_hash("203.0.113.7|x", datetime.date(2021, 10, 19))
    assert today != tomorrow


@pytest.mark.parametrize(
    "agent",
    ["Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.0", "python-requests/2.31", ""],
)
def test_bots_are_not_counted(db, agent):
    assert is_bot(agent)
    assert count_visit("x", agent) is False
    assert not VisitCounter.objects.exists()


def test_a_page_view_is_counted_by_the_beacon_its_page_sends_not_by_the_server(demo, client):
    # Pages are cached by a CDN, so the server cannot count them; the page's script does.
    before = statistics().total
    html = client.get("/", HTTP_USER_AGENT=BROWSER).content.decode()
    assert statistics().total == before, "a GET alone counts nothing"
    assert (
        '<script src="/static/js/visit-beacon.js" data-hits-url="/api/v3/stats/hits/" defer>'
        in html
    )
    beacon = client.post(
        "/api/v3/stats/hits/",
        {"path": "/"},
        content_type="application/json",
        HTTP_USER_AGENT=BROWSER,
        HTTP_ORIGIN="http://testserver",
    )
    assert beacon.status_code == 202
    assert statistics().total == before + 1
    assert "set-cookie" not in {name.lower() for name in beacon.headers}, "nothing to remember"


def test_a_preview_sends_no_beacon(db, rf):
    from home.context_processors import site_frame

    request = rf.get("/")
    assert site_frame(request)["visit_beacon_url"] == "/api/v3/stats/hits/"
    request.is_preview = True
    assert site_frame(request)["visit_beacon_url"] is None


@pytest.mark.parametrize(("language", "total"), [("vi", "613.887"), ("en", "613,887")])
def test_block_shows_the_figures_in_the_readers_format(db, language, total):
    seed_total(613_887)
    block = StatisticsBlock()
    with translation.override(language):
        html = block.render(block.to_python({}), {"request": RequestFactory().get("/")})
        data = block.get_api_representation(block.to_python({}))
    assert f"<dd>{total}</dd>" in html
    assert data["total"] == 613_887 and data["online"] == 0
    if language == "vi":
        assert "Tổng lượt truy cập" in html and "Đang truy cập" in html


@pytest.mark.django_db(transaction=True)
def test_concurrent_visits_lose_no_increment_on_postgresql(on_postgres):
    seed_total(1000)
    threads, per_thread, errors = 8, 25, []
    barrier = threading.Barrier(threads)

    def visit(number):
        try:
            barrier.wait()
            for i in range(per_thread):
                count_visit(f"visitor-{number}-{i % 3}", BROWSER)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=visit, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors
    stats = statistics()
    assert stats.total == 1000 + threads * per_thread
    assert stats.today == threads * per_thread
    assert stats.online == threads * 3
