"""Page weight budget, without a browser: the home page's HTML and every stylesheet and
script it links, as served. (tests/test_browser.py measures the same in Chromium.)"""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.templatetags.static import static

HTML_CSS_JS_BUDGET = 300 * 1024
JS_BUDGET = 50 * 1024
ROOT = Path(__file__).resolve().parent.parent
APPS = ("cms", "home", "articles", "widgets", "images")


def _asset_size(client, url):
    prefix = static("")
    if url.startswith(prefix):
        path = finders.find(url[len(prefix) :].split("?")[0])
        assert path, f"{url} is linked but not found"
        with open(path, "rb") as f:
            return len(f.read())
    response = client.get(url)
    assert response.status_code == 200, url
    return len(response.content)


def test_home_page_html_css_and_js_fit_the_budget(demo, client):
    html = client.get("/").content
    text = html.decode()
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', text)
    assert stylesheets and scripts
    css = sum(_asset_size(client, url) for url in stylesheets)
    js = sum(_asset_size(client, url) for url in scripts)
    assert js <= JS_BUDGET, f"JavaScript {js} bytes"
    assert len(html) + css + js <= HTML_CSS_JS_BUDGET, (len(html), css, js)


def test_all_of_the_projects_own_javascript_fits_the_budget():
    scripts = [p for app in APPS for p in (ROOT / app / "static").rglob("*.js")]
    total = sum(p.stat().st_size for p in scripts)
    assert total <= JS_BUDGET, {str(p.relative_to(ROOT)): p.stat().st_size for p in scripts}
