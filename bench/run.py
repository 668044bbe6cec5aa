"""Widget benchmarks (not tests): query counts of the home page, and reading import speed.

    .venv/bin/python bench/run.py                 # both
    .venv/bin/python bench/run.py queries         # home page query counts, small vs large data
    DATABASE_URL=postgres://… .venv/bin/python bench/run.py import [--rows 500000]

Each run works in a throw-away test database (``test_<name>``), never in the real one.
Targets: the home page runs the same number of queries whatever the data (<= 15 reads for the
page); importing 500,000 readings takes <= 5x PostgreSQL COPY of the same file, with a
peak memory under 300 MB."""

import argparse
import datetime
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


MISSED = []  # names of the targets this run missed; a miss makes the exit status 1


def setup():
    import django

    django.setup()


def with_test_database(function):
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return function()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def home_page_queries(fresh=False):
    """Queries of one view of the home page; ``fresh``: every widget renders afresh, as on
    the first view after an import, a forecast or a publication."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from headless.caching import bump, registered_topics

    client = Client()
    client.get("/", HTTP_USER_AGENT="Mozilla/5.0 bench")  # warm caches (site root, renditions)
    if fresh:
        bump(*registered_topics())
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/", HTTP_USER_AGENT="Mozilla/5.0 bench")
    assert response.status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    reads = [q for q in sql if q.lstrip().upper().startswith("SELECT")]
    # The visit counter's upserts for this view (total, today, online) are writes: apart.
    counter_writes = [q for q in sql if q.startswith("INSERT INTO widgets_")]
    widget_reads = [q for q in reads if "widgets_" in q]
    return {
        "all": len(sql),
        "reads": len(reads),
        "widget_reads": len(widget_reads),
        "counter_writes": len(counter_writes),
    }


def grow_data(stations=200, days=30, per_day=24, cities=60):
    from decimal import Decimal

    from home.models import HomePage
    from tests.factories_widgets import show_every_station_and_city
    from widgets.monitoring.models import Reading, Station
    from widgets.weather.models import City, Forecast

    now = datetime.datetime.now(datetime.UTC).replace(minute=0, second=0, microsecond=0)
    for index in range(stations):
        station = Station.objects.create(
            code=f"BENCH{index}", name_vi=f"Trạm {index}", measures_water_level=True
        )
        Reading.objects.bulk_create(
            Reading(
                station=station,
                metric=metric,
                observed_at=now - datetime.timedelta(hours=hour),
                value=Decimal(hour % 50) / 10,
            )
            for metric in ("salinity", "water_level")
            for hour in range(days * per_day)
        )
    for index in range(cities):
        city = City.objects.create(
            code=f"bench-{index}", name_vi=f"Thành phố {index}", latitude=10, longitude=106
        )
        Forecast.objects.bulk_create(
            Forecast(city=city, temperature=25, fetched_at=now - datetime.timedelta(hours=h))
            for h in range(24)
        )
    # The blocks show every station and city, so the page grows with the data.
    for home in HomePage.objects.all():
        show_every_station_and_city(home)
    return Reading.objects.count()


def bench_queries():
    from django.core.management import call_command

    def run():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        small = [home_page_queries(), home_page_queries(fresh=True)]
        readings = grow_data()
        large = [home_page_queries(), home_page_queries(fresh=True)]
        print("Home page SQL queries (reads: whole page / widget tables; + visit counter writes):")
        for label, index in (("widgets cached", 0), ("widgets rendered afresh", 1)):
            print(f"  {label}:")
            for data, counts in (
                ("demo data", small[index]),
                (f"+ 200 stations, {readings:,} readings, 60 cities", large[index]),
            ):
                print(
                    f"    {data + ':':48s} {counts['reads']:3d} / {counts['widget_reads']}"
                    f"  + {counts['counter_writes']} writes ({counts['all']} statements in all)"
                )
        constant = all(a["reads"] == b["reads"] for a, b in zip(small, large, strict=True))
        cached = large[0]["reads"]
        if not constant or cached > 15:
            MISSED.append("home page queries")
        print(
            f"  constant: {'yes' if constant else 'NO'}; page reads {cached} against the target"
            f" of 15 ({'met' if cached <= 15 else 'NOT met'}), {large[1]['reads']} when every"
            " widget renders afresh"
        )

    with_test_database(run)


def write_csv(path, rows, stations):
    start = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    per_station = rows // stations
    with open(path, "w", encoding="utf-8") as out:
        out.write("station_code;metric;observed_at;value\n")
        for index in range(stations):
            for step in range(per_station):
                at = start + datetime.timedelta(minutes=10 * step)
                out.write(f"B{index};salinity;{at.isoformat()};{step % 97 / 10}\n")


def import_child(path):
    """Runs in its own process so its peak memory is the import's."""
    setup()
    from django.db import connection

    from widgets.monitoring.importer import import_file

    connection.settings_dict["NAME"] = os.environ["BENCH_DB_NAME"]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = import_file(path, name=path)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert result.committed, result.errors[:3]
    print(f"{elapsed:.3f} {before} {peak} {result.created}")


def bench_import(rows):
    from django.db import connection

    if connection.vendor != "postgresql":
        print("Import benchmark: needs PostgreSQL (set DATABASE_URL=postgres://…); skipped.")
        return

    def run():
        from widgets.monitoring.models import Reading, Station

        stations = 50
        Station.objects.bulk_create(Station(code=f"B{i}", name_vi=f"B{i}") for i in range(stations))
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "readings.csv")
            write_csv(path, rows, stations)
            size = os.path.getsize(path)
            connection.close()  # the child opens its own connection
            env = {**os.environ, "BENCH_DB_NAME": connection.settings_dict["NAME"]}
            output = subprocess.run(  # noqa: S603 - our own script, our own arguments
                [sys.executable, __file__, "import-child", path],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            elapsed, before, peak, created = (
                float(output[0]),
                int(output[1]),
                int(output[2]),
                int(output[3]),
            )
            with connection.cursor() as cursor, open(path, encoding="utf-8") as source:
                copy_elapsed = {}
                for name, unique in (
                    ("plain", ""),
                    ("indexed", ", UNIQUE (station_code, metric, observed_at)"),
                ):
                    cursor.execute(
                        f"CREATE TEMPORARY TABLE bench_{name} (station_code text, metric text, "
                        f"observed_at timestamptz, value numeric(8, 3){unique})"
                    )
                    source.seek(0)
                    started = time.perf_counter()
                    cursor.cursor.copy_expert(
                        f"COPY bench_{name} FROM STDIN "
                        "WITH (FORMAT csv, DELIMITER ';', HEADER true)",
                        source,
                    )
                    copy_elapsed[name] = time.perf_counter() - started
        assert Reading.objects.count() == created == rows
        print(f"Import of {rows:,} readings ({size / 1e6:.1f} MB CSV) on PostgreSQL:")
        plain, indexed = copy_elapsed["plain"], copy_elapsed["indexed"]
        print(f"  import_readings (validate every row, insert, commit): {elapsed:.2f} s")
        print(
            f"  COPY into a table with the same unique key: {indexed:.2f} s -> "
            f"ratio {elapsed / indexed:.1f}x (target <= 5x)"
        )
        print(
            f"  COPY into a bare table (no index):          {plain:.2f} s -> "
            f"ratio {elapsed / plain:.1f}x"
        )
        if elapsed / indexed > 5:
            MISSED.append("import vs COPY")
        if peak / 1024 >= 300:
            MISSED.append("import peak memory")
        print(
            f"  peak memory: {peak / 1024:.0f} MB (after start-up {before / 1024:.0f} MB, "
            f"import adds {(peak - before) / 1024:.0f} MB; target < 300 MB)"
        )

    with_test_database(run)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what", nargs="?", default="all", choices=["all", "queries", "import", "import-child"]
    )
    parser.add_argument("path", nargs="?")
    parser.add_argument("--rows", type=int, default=500_000)
    args = parser.parse_args()
    if args.what == "import-child":
        return import_child(args.path)
    setup()
    if args.what in ("all", "queries"):
        bench_queries()
    if args.what in ("all", "import"):
        bench_import(args.rows)
    if MISSED:
        print(f"Missed: {', '.join(MISSED)}")
    return 1 if MISSED else 0


if __name__ == "__main__":
    sys.exit(main())
