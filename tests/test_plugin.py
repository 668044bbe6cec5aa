"""The apps are a plugin: a bare Wagtail site installs them from the package without the
project (cms) or its demo builder (demo). Each check runs in its own Python process with the
bare site's settings, so nothing of the project is imported."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

WIDGETS_ONLY = """
import datetime, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
import sys
assert not {"cms", "demo", "home", "articles"} & {name.split(".")[0] for name in sys.modules}
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
print("blocks:", " ".join(sorted(name for name, _block in widget_blocks())))
"""

# Content is built here, as an editor of the host site would, not by the demo builder.
SITE = """
import datetime, json, sys, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.test import Client
from wagtail.models import Page, Site
from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage
from widgets.monitoring.models import Metric, Reading, Station

station = Station.objects.create(code="VK", name_vi="Vàm Kênh")
at = datetime.datetime(2021, 10, 18, 7, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
Reading.objects.create(station=station, metric=Metric.SALINITY, observed_at=at, value="5.3")
day_before = at - datetime.timedelta(days=1)
Reading.objects.create(station=station, metric=Metric.SALINITY, observed_at=day_before, value="4.3")

root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(
    title="Cổng plugin", slug="cong-plugin", live=False,
    body=json.dumps([{"type": "salinity", "value": {"heading": "Độ mặn hôm nay"}}]),
))
home.save_revision().publish()
Site.objects.update(root_page=home)
news = home.add_child(instance=ArticleIndexPage(title="Tin tức", slug="tin-tuc", live=False))
news.save_revision().publish()
article = news.add_child(instance=ArticlePage(
    title="Xã Vàm Kênh khai trương bến cá", slug="ben-ca", live=False,
    date=datetime.date(2021, 10, 18), summary="Bến cá mới của xã.",
    body=json.dumps([{"type": "paragraph", "value": "<p>Ngư dân đã có bến mới.</p>"}]),
))
article.save_revision().publish()

loaded = {name.split(".")[0] for name in sys.modules}
assert not {"cms", "demo"} & loaded, sorted({"cms", "demo"} & loaded)

client = Client()
page = client.get("/")
html = page.content.decode()
assert page.status_code == 200, (page.status_code, html[:2000])
for text in ("Cổng plugin", "Xã Vàm Kênh khai trương bến cá", "Độ mặn hôm nay", "5,3 g/l"):
    assert text in html, (text, html)
page = client.get("/tin-tuc/ben-ca/")
html = page.content.decode()
assert page.status_code == 200, (page.status_code, html[:2000])
assert "Xã Vàm Kênh khai trương bến cá" in html and "Ngư dân đã có bến mới." in html, html

answer = client.get("/api/v3/articles/")
assert answer.status_code == 200, answer.content[:2000]
titles = [item["title"] for item in answer.json()["items"]]
assert titles == ["Xã Vàm Kênh khai trương bến cá"], answer.json()
answer = client.get("/api/v3/pages/")
assert answer.status_code == 200, answer.content[:2000]
listed = {item["title"] for item in answer.json()["items"]}
assert {"Cổng plugin", "Tin tức", "Xã Vàm Kênh khai trương bến cá"} <= listed, listed
answer = client.get(f"/api/v3/pages/{home.pk}/")
assert answer.status_code == 200, answer.content[:2000]
(block,) = answer.json()["body"]
assert block["type"] == "salinity", block
rows = block["value"]["stations"]
assert [(row["code"], row["day_max"], row["change"]) for row in rows] == [("VK", 5.3, 1.0)], rows
print("served the home page, an article and the API")
"""


def run_bare_site(settings_module, script, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "PLUGIN_TEST_DB": str(tmp_path / "plugin.sqlite3"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stdout


def test_widgets_installs_without_the_project(tmp_path):
    stdout = run_bare_site("tests.plugin_settings", WIDGETS_ONLY, tmp_path)
    assert "blocks: budget links salinity statistics water_level weather" in stdout


def test_home_articles_and_widgets_serve_pages_and_the_api_without_the_project(tmp_path):
    stdout = run_bare_site("tests.plugin_site_settings", SITE, tmp_path)
    assert "served the home page, an article and the API" in stdout


def test_the_package_ships_the_apps_but_not_the_project_or_its_demo():
    setuptools = pytest.importorskip("setuptools")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    find = config["tool"]["setuptools"]["packages"]["find"]
    shipped = set(
        setuptools.find_packages(str(ROOT), include=find["include"], exclude=find["exclude"])
    )
    top_level = {name.split(".")[0] for name in shipped}
    assert top_level == {"home", "articles", "widgets", "headless", "images", "vnsearch"}
    assert "widgets.monitoring" in shipped and "articles.models" in shipped
