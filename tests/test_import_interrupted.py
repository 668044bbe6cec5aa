"""An import killed half-way (power cut, OOM killer, an operator's Ctrl-C) leaves nothing
written: the file's rows land in one transaction or not at all."""

import datetime
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.factories_widgets import make_station
from widgets.monitoring.models import Reading

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_import_killed_half_way_writes_nothing(on_postgres, tmp_path):
    make_station(code="ST1")
    start = datetime.datetime(2000, 1, 1)
    path = tmp_path / "readings.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("station_code;metric;observed_at;value\n")
        for hour in range(160_000):
            moment = start + datetime.timedelta(hours=hour)
            value = f"{hour % 70 / 10:.1f}".replace(".", ",")
            out.write(f"ST1;salinity;{moment:%d/%m/%Y %H:%M};{value}\n")
    params = connection.get_connection_params()
    url = (
        f"postgres://{params.get('user')}@{params.get('host')}:{params.get('port')}"
        f"/{connection.settings_dict['NAME']}"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_readings", str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Progress is reported every 50,000 rows: stop it after the second report.
        for reports, _line in enumerate(process.stderr, start=1):
            if reports == 2:
                break
        assert process.poll() is None, "the import finished before it could be interrupted"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert Reading.objects.count() == 0
