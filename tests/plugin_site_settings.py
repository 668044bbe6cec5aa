"""A bare Wagtail site that installs the packaged apps home, articles and widgets (with
headless and images) and nothing of the project: no cms, no demo. The site supplies its own
base template and URLs, as a host site would."""

from pathlib import Path

from .plugin_settings import *  # noqa: F403 (the same bare site, with more apps)
from .plugin_settings import INSTALLED_APPS, TEMPLATES

# The widgets-only site's apps, with home, articles, headless and the Wagtail apps they use.
INSTALLED_APPS = [
    "home",
    "articles",
    "headless",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.api.v3",
    *INSTALLED_APPS,
]
ROOT_URLCONF = "tests.plugin_site_urls"
TEMPLATES = [{**TEMPLATES[0], "DIRS": [Path(__file__).resolve().parent / "plugin_templates"]}]
