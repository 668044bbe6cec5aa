"""widgets is a plugin: a bare Wagtail site with only widgets (and images) migrates and
renders a widget block, without cms, home or articles."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import datetime, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
import sys
assert not {"cms", "home", "articles"} & {name.split(".")[0] for name in sys.modules}
from django.test import RequestFactory
from django.utils import translation
from widgets.monitoring.models import Metric, Reading, Station
from widgets.blocks import SalinityBlock, StatisticsBlock, widget_blocks
station = Station.objects.create(code="VK", name_vi="Vàm Kênh")
at = datetime.datetime(2021, 10, 18, 7, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
Reading.objects.create(station=station, metric=Metric.SALINITY, observed_at=at, value="5.3")
day_before = at - datetime.timedelta(days=1)
Reading.objects.create(station=station, metric=Metric.SALINITY, observed_at=day_before, value="4.3")
block = SalinityBlock()
with translation.override("vi"):
    html = block.render(block.to_python({}), {"request": RequestFactory().get("/")})
assert "5,3 g/l" in html and "Tăng 1 g/l" in html, html
print("rendered", len(widget_blocks(media=False)), "blocks")
"""


def test_widgets_installs_without_the_project(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.plugin_settings",
        "PLUGIN_TEST_DB": str(tmp_path / "plugin.sqlite3"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "rendered 6 blocks" in result.stdout
