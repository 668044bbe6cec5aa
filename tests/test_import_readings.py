"""Importing readings: all-or-nothing, every error with its line and field, re-import adds
nothing, blank is no reading."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tests.factories_widgets import local, make_station
from widgets.monitoring.importer import import_file, import_rows
from widgets.monitoring.models import Reading

HEADER = "station_code;metric;observed_at;value\n"


@pytest.fixture
def stations(db):
    return [make_station("LH", "Cống Long Hải"), make_station("VK", "Vàm Kênh")]


def run(text, name="readings.csv", **options):
    with translation.override("en"):
        return import_file(io.BytesIO(text.encode("utf-8")), name=name, **options)


def test_errors_are_explained_in_vietnamese_to_vietnamese_staff(stations):
    with translation.override("vi"):
        result = import_file(
            io.BytesIO((HEADER + "XX;salinity;18/10/2021 07:00;0,7\n").encode()), name="r.csv"
        )
    assert result.errors[0].message == 'Không có trạm nào mang mã "XX".'


def test_semicolons_and_decimal_commas_from_a_vietnamese_spreadsheet(stations):
    result = run(HEADER + "LH;salinity;18/10/2021 07:00;0,7\nVK;salinity;18/10/2021 07:00;5,3\n")
    assert result.committed and result.created == 2
    reading = Reading.objects.get(station__code="VK")
    assert reading.value == Decimal("5.3")
    assert reading.observed_at == local(2021, 10, 18, 7)


def test_commas_decimal_points_and_iso_dates(stations):
    text = (
        "station_code,metric,observed_at,value\n"
        "LH,salinity,2021-10-18T07:00:00+07:00,0.7\n"
        'VK,salinity,2021-10-18 06:00,"4,5"\n'
        "VK,water_level,2021-10-18T00:00:00Z,-0.35\n"
    )
    result = run(text)
    assert result.committed and result.created == 3
    assert Reading.objects.get(metric="water_level").observed_at == local(2021, 10, 18, 7)
    assert Reading.objects.get(station__code="VK", metric="salinity").value == Decimal("4.5")


def test_a_blank_or_dash_is_no_reading_never_zero(stations):
    result = run(
        HEADER + "LH;salinity;18/10/2021 05:00;\nLH;salinity;18/10/2021 06:00;-\n"
        "LH;salinity;18/10/2021 07:00;0,7\n"
    )
    assert result.committed
    assert result.blanks == 2
    assert list(Reading.objects.values_list("value", flat=True)) == [Decimal("0.700")]


def test_reimporting_the_same_file_adds_nothing(stations):
    text = HEADER + "LH;salinity;18/10/2021 07:00;0,7\nVK;salinity;18/10/2021 07:00;5,3\n"
    run(text)
    again = run(text)
    assert again.committed and again.created == 0 and again.already_present == 2
    assert Reading.objects.count() == 2


def test_a_file_with_new_and_known_readings_adds_only_the_new_ones(stations):
    run(HEADER + "LH;salinity;18/10/2021 07:00;0,7\n")
    result = run(HEADER + "LH;salinity;18/10/2021 07:00;0,7\nLH;salinity;18/10/2021 08:00;0,8\n")
    assert (result.created, result.already_present) == (1, 1)
    assert Reading.objects.count() == 2


@pytest.mark.parametrize(
    ("rows", "line", "field", "words"),
    [
        ("LH;salinity;32/10/2021 07:00;0,7", 3, "observed_at", "not a date"),
        ("LH;salinity;18-10-2021;0,7", 3, "observed_at", "not a date"),
        ("LH;salinity;18/10/2021 07:00;0,7a", 3, "value", "not a number"),
        ("LH;salinity;18/10/2021 07:00;1.234,5", 3, "value", "not a number"),
        ("LH;salinity;18/10/2021 07:00;-0,1", 3, "value", "negative"),
        ("XX;salinity;18/10/2021 07:00;0,7", 3, "station_code", "Unknown station"),
        ("LH;nitrate;18/10/2021 07:00;0,7", 3, "metric", "Unknown metric"),
        ("LH;salinity;18/10/2021 06:00;0,7", 3, "observed_at", "Duplicate of line 2"),
        ("LH;salinity;18/10/2031 06:00;0,7", 3, "observed_at", "future"),
        ("LH;salinity;18/10/2021 08:00", 3, "row", "4 columns"),
    ],
)
def test_one_bad_row_writes_nothing_and_names_its_line_and_field(
    stations, rows, line, field, words
):
    text = (
        HEADER + "LH;salinity;18/10/2021 06:00;0,5\n" + rows + "\nVK;salinity;18/10/2021 07:00;5\n"
    )
    result = run(text)
    assert not result.committed
    assert Reading.objects.count() == 0
    assert [(e.line, e.field) for e in result.errors] == [(line, field)]
    assert words.lower() in result.errors[0].message.lower()


def test_every_bad_row_is_reported_not_only_the_first(stations):
    text = (
        HEADER
        + "XX;salinity;18/10/2021 06:00;0,5\nLH;salinity;bad;0,7\nLH;salinity;18/10/2021 07:00;x\n"
    )
    result = run(text)
    assert [(e.line, e.field) for e in result.errors] == [
        (2, "station_code"),
        (3, "observed_at"),
        (4, "value"),
    ]
    assert Reading.objects.count() == 0


def test_negative_water_level_is_allowed_in_the_station_datum(stations):
    assert run(HEADER + "LH;water_level;18/10/2021 07:00;-0,4\n").committed


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("\n\n", "empty"),
        ("station;metric;time;value\nLH;salinity;18/10/2021 07:00;0,7\n", "header"),
        (HEADER, "no readings"),
    ],
)
def test_empty_file_and_wrong_header_are_errors(stations, text, words):
    result = run(text)
    assert not result.committed
    assert result.errors[0].line == 1
    assert words in result.errors[0].message.lower()
    assert Reading.objects.count() == 0


def test_a_file_that_is_not_utf8_is_an_error_not_a_traceback(stations):
    data = (HEADER + "Cống;salinity;18/10/2021 07:00;0,7\n").encode("latin-1", errors="replace")
    data = data.replace(b"?", b"\xf4")
    with translation.override("en"):
        result = import_file(io.BytesIO(data), name="x.csv")
    assert not result.committed
    assert "UTF-8" in result.errors[0].message


def test_json_list_of_objects_with_line_numbers(stations):
    rows = [
        {
            "station_code": "LH",
            "metric": "salinity",
            "observed_at": "18/10/2021 07:00",
            "value": 0.7,
        },
        {
            "station_code": "LH",
            "metric": "salinity",
            "observed_at": "18/10/2021 08:00",
            "value": None,
        },
        {
            "station_code": "VK",
            "metric": "salinity",
            "observed_at": "2021-10-18T07:00",
            "value": "5,3",
        },
    ]
    result = run(json.dumps(rows, indent=1), name="readings.json")
    assert result.committed and result.created == 2 and result.blanks == 1
    assert Reading.objects.get(station__code="LH").value == Decimal("0.7")

    rows[2]["value"] = -1
    Reading.objects.all().delete()
    text = json.dumps(rows, indent=1)
    result = run(text, name="readings.json")
    assert not result.committed
    expected_line = text.splitlines().index(" {", 2 + text.splitlines().index(" {", 2)) + 1
    assert [(e.line, e.field) for e in result.errors] == [(expected_line, "value")]


@pytest.mark.parametrize("text", ["", "{}", '[{"station_code": "LH"', "[1, 2]"])
def test_broken_json_is_an_error(stations, text):
    result = run(text, name="readings.json")
    assert not result.committed
    assert Reading.objects.count() == 0


def test_import_rows_takes_plain_dicts_as_the_api_will(stations):
    result = import_rows(
        [
            {
                "station_code": "LH",
                "metric": "salinity",
                "observed_at": "2021-10-18T07:00+07:00",
                "value": "0.7",
            }
        ]
    )
    assert result.committed and result.created == 1


def test_preview_validates_and_writes_nothing(stations):
    result = run(HEADER + "LH;salinity;18/10/2021 07:00;0,7\n", dry_run=True)
    assert result.ok and result.created == 1 and not result.committed
    assert Reading.objects.count() == 0


def test_command_imports_and_reports(stations, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "LH;salinity;18/10/2021 07:00;0,7\nLH;salinity;18/10/2021 08:00;-\n")
    out = io.StringIO()
    call_command("import_readings", str(path), stdout=out)
    assert "1 số liệu mới" in out.getvalue() and "bỏ qua 1 ô trống" in out.getvalue()
    call_command("import_readings", str(path), stdout=out)
    assert Reading.objects.count() == 1


def test_command_fails_with_every_error_and_writes_nothing(stations, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "LH;salinity;18/10/2021 07:00;0,7\nZZ;salinity;18/10/2021 08:00;1\n")
    err = io.StringIO()
    with pytest.raises(CommandError, match="Chưa nhập dữ liệu nào"):
        call_command("import_readings", str(path), stderr=err)
    assert "dòng 3, station_code" in err.getvalue()
    assert Reading.objects.count() == 0


def test_command_shows_progress_on_large_files(stations, tmp_path, monkeypatch):
    monkeypatch.setattr("widgets.monitoring.importer.PROGRESS_EVERY", 10)
    path = tmp_path / "r.csv"
    lines = [f"LH;salinity;18/10/2021 {h:02d}:{m:02d};0,5" for h in range(2) for m in range(15)]
    path.write_text(HEADER + "\n".join(lines) + "\n")
    err = io.StringIO()
    call_command("import_readings", str(path), stdout=io.StringIO(), stderr=err)
    assert "Đã đọc 30 dòng" in err.getvalue()
    assert Reading.objects.count() == 30


def test_command_missing_file_is_a_clear_error(db):
    with pytest.raises(CommandError, match="Không đọc được"):
        call_command("import_readings", "/nonexistent/file.csv")
