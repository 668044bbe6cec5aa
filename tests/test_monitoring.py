"""The salinity and water-level blocks: the seed's numbers, changes, states, staleness,
locale formats and a constant number of queries."""

import datetime
import json
from unittest import mock

import pytest
from django.test import RequestFactory
from django.utils import translation

from tests.factories_widgets import add_readings, local, make_station
from widgets.formatting import format_change, format_number
from widgets.monitoring.blocks import SalinityBlock, WaterLevelBlock
from widgets.monitoring.data import station_summaries
from widgets.monitoring.models import Metric, Station

SEED_MORNING = local(2021, 10, 18, 7)
SEED_ROWS = [
    ("Cống Long Hải", "0,7 g/l", "Giảm 1,6 g/l"),
    ("Rạch Băng", "0 g/l", "Giảm 0,2 g/l"),
    ("Gia Thuận", "0,15 g/l", "Giảm 2,1 g/l"),
    ("Bà Tài", "0,7 g/l", "Giảm 1,2 g/l"),
    ("Vàm Kênh", "5,3 g/l", "Tăng 1 g/l"),
]


def render(block, value, language="vi"):
    request = RequestFactory().get("/")
    with translation.override(language):
        return block.render(block.to_python(value), context={"request": request})


def table_rows(html):
    import re

    rows = re.findall(r'<tr class="widget-table__row[^"]*">(.*?)</tr>', html, re.S)
    out = []
    for row in rows:
        name = re.search(r'<th scope="row">([^<]*)', row).group(1).strip()
        value = re.search(r'widget-table__value">([^<]*)', row).group(1)
        change = re.findall(r"<td>([^<]*)</td>", row)[0]
        out.append((name, value, change))
    return out


def test_demo_salinity_block_shows_the_seed_numbers_as_of_7_00_18_10_2021(demo):
    with mock.patch("django.utils.timezone.now", return_value=SEED_MORNING):
        html = render(SalinityBlock(), {"stations": []})
    assert table_rows(html) == SEED_ROWS
    assert "(Đến 07:00 18/10/2021)" in html
    assert "Số liệu cũ" not in html


def test_demo_salinity_is_marked_stale_today(demo):
    html = render(SalinityBlock(), {"stations": []})
    assert table_rows(html) == SEED_ROWS
    assert html.count("Số liệu cũ") == 5


def test_demo_home_page_shows_the_seed_salinity_in_vietnamese_and_english(demo, client):
    with mock.patch("django.utils.timezone.now", return_value=SEED_MORNING):
        html = client.get("/").content.decode()
        english = client.get("/en/").content.decode()
    salinity = html.split("widget-monitoring--salinity")[1].split("</section>")[0]
    assert table_rows(salinity) == SEED_ROWS
    english = table_rows(english.split("widget-monitoring--salinity")[1].split("</section>")[0])
    assert ("Vam Kenh", "5.3 g/l", "Up 1 g/l") in english
    assert ("Long Hai sluice", "0.7 g/l", "Down 1.6 g/l") in english
    assert "THÔNG TIN ĐỘ MẶN" in html.upper() and "(Đến 07:00 18/10/2021)" in html


def test_api_representation_is_json_with_the_live_numbers(demo):
    block = SalinityBlock()
    with (
        translation.override("vi"),
        mock.patch("django.utils.timezone.now", return_value=SEED_MORNING),
    ):
        data = block.get_api_representation(block.to_python({"stations": []}))
    json.dumps(data)
    assert data["as_of"] == "2021-10-18T07:00:00+07:00"
    vam_kenh = next(row for row in data["stations"] if row["code"] == "TG-VAMKENH")
    assert vam_kenh["day_max"] == 5.3 and vam_kenh["previous_day_max"] == 4.3
    assert vam_kenh["change"] == pytest.approx(1.0)
    assert vam_kenh["change_text"] == "Tăng 1 g/l"
    assert vam_kenh["state"] == "harmful" and vam_kenh["stale"] is False
    assert len(vam_kenh["history"]) == 7 and vam_kenh["history"][-1]["date"] == "2021-10-18"


@pytest.mark.parametrize(
    ("language", "number", "up", "down", "none"),
    [
        ("vi", "613.887", "Tăng 1 g/l", "Giảm 1,6 g/l", "Không đổi"),
        ("en", "613,887", "Up 1 g/l", "Down 1.6 g/l", "No change"),
    ],
)
def test_numbers_and_changes_follow_the_readers_language(language, number, up, down, none):
    from decimal import Decimal

    with translation.override(language):
        assert format_number(613887, grouping=True) == number
        assert format_change(Decimal("1.000"), "g/l") == up
        assert format_change(Decimal("-1.60"), "g/l") == down
        assert format_change(Decimal("0"), "g/l") == none
        assert format_number(Decimal("0.150")) == ("0,15" if language == "vi" else "0.15")


@pytest.fixture
def station(db):
    return make_station(
        "VK",
        "Vàm Kênh",
        measures_water_level=True,
        alarm_level_1="1.6",
        alarm_level_2="1.8",
        alarm_level_3="2.0",
    )


def test_day_is_the_calendar_day_in_ho_chi_minh_city(station):
    # 23:30 on the 17th local time is 16:30 UTC: it belongs to the 17th, not the 18th.
    add_readings(station, Metric.SALINITY, {(17, 23): 9, (18, 0): 2, (18, 6): 3})
    [summary] = station_summaries(Metric.SALINITY, now=local(2021, 10, 18, 7))
    assert summary.day_max == 3 and summary.previous_day_max == 9
    assert summary.change == -6


def test_change_is_unknown_without_readings_the_day_before(station):
    add_readings(station, Metric.SALINITY, {(18, 5): 1})
    [summary] = station_summaries(Metric.SALINITY, now=SEED_MORNING)
    assert summary.change is None
    html = render(SalinityBlock(), {"stations": [station.pk]})
    assert "<td>–</td>" in html


def test_stale_when_newest_reading_is_older_than_the_freshness_limit(station):
    station.salinity_freshness = datetime.timedelta(hours=6)
    station.save()
    add_readings(station, Metric.SALINITY, {(18, 1): 1})
    fresh = station_summaries(Metric.SALINITY, now=local(2021, 10, 18, 7))[0]
    old = station_summaries(Metric.SALINITY, now=local(2021, 10, 18, 7, 1))[0]
    assert not fresh.stale and old.stale


def test_a_station_without_readings_says_so_and_is_not_current(station):
    [summary] = station_summaries(Metric.SALINITY)
    assert summary.stale and summary.state.code == "unknown"
    assert "Chưa có số liệu" in render(SalinityBlock(), {"stations": []})


@pytest.mark.parametrize(
    ("value", "state", "label"),
    [
        ("3.99", "normal", "Dưới ngưỡng gây hại"),
        ("4", "harmful", "Gây hại cho lúa"),
    ],
)
def test_salinity_state_at_the_station_threshold(station, value, state, label):
    add_readings(station, Metric.SALINITY, {(18, 5): value})
    [summary] = station_summaries(Metric.SALINITY, now=SEED_MORNING)
    assert summary.state.code == state
    html = render(SalinityBlock(), {"stations": [station.pk]})
    assert label in html  # the state is written out, not only coloured


@pytest.mark.parametrize(
    ("value", "state", "text"),
    [
        ("1.2", "below_alarm", "Dưới báo động I"),
        ("1.6", "alarm_1", "Báo động I"),
        ("1.85", "alarm_2", "Báo động II"),
        ("2.3", "alarm_3", "Báo động III"),
    ],
)
def test_water_level_alarm_levels(station, value, state, text):
    add_readings(station, Metric.WATER_LEVEL, {(18, 5): value})
    [summary] = station_summaries(Metric.WATER_LEVEL, now=SEED_MORNING)
    assert summary.state.code == state
    html = render(WaterLevelBlock(), {"stations": [station.pk]})
    assert text in html and " m" in html


def test_as_of_limits_the_data_to_a_reference_time(station):
    add_readings(station, Metric.SALINITY, {(17, 5): 2, (18, 5): 1, (19, 5): 7})
    [summary] = station_summaries(Metric.SALINITY, now=SEED_MORNING, as_of=SEED_MORNING)
    assert summary.latest_at == local(2021, 10, 18, 5)
    assert summary.change == -1


def test_chart_is_an_svg_image_with_a_text_alternative(station):
    add_readings(station, Metric.SALINITY, {(day, 5): day - 10 for day in range(12, 19)})
    html = render(SalinityBlock(), {"stations": [station.pk], "show_chart": True})
    assert '<svg class="widget-chart" role="img"' in html
    assert "12/10: 2 g/l" in html and "18/10: 8 g/l" in html
    assert html.count("<rect") == 7
    no_chart = render(SalinityBlock(), {"stations": [station.pk], "show_chart": False})
    assert "<svg" not in no_chart


def _populate(stations, days=8, per_day=24):
    for index in range(stations):
        station = make_station(f"S{index}", f"Trạm {index}", measures_water_level=True)
        values = {
            (day, hour): (index + hour) / 10
            for day in range(18 - days + 1, 19)
            for hour in range(per_day)
        }
        add_readings(station, Metric.SALINITY, values)


@pytest.mark.parametrize("count", [2, 25])
def test_query_count_does_not_grow_with_stations_or_readings(
    db, count, django_assert_max_num_queries
):
    _populate(count, per_day=2 if count == 2 else 24)
    block = SalinityBlock()
    value = block.to_python({"stations": list(Station.objects.values_list("pk", flat=True))})
    with django_assert_max_num_queries(2):
        rows = block.rows(value, now=SEED_MORNING)
        [row.chart for row in rows]
    assert len(rows) == count
    with django_assert_max_num_queries(2):
        block.get_api_representation(value)
