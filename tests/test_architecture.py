"""The apps are a plugin as well as a site: imports point one way, cms -> demo -> home ->
articles -> widgets -> headless, no app imports the project package or the demo, and no app
names a model of a layer above it (a lower app is told through registration instead)."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["cms", "demo", "home", "articles", "widgets", "headless"]
# An app may import the layers after it in LAYERS, plus `images` (any app may show images)
# and `vnsearch` (any app may search: Vietnamese folding and the search backend).
ALLOWED = {
    "demo": {"home", "articles", "widgets", "headless", "images", "vnsearch"},
    "home": {"articles", "widgets", "headless", "images", "vnsearch"},
    "articles": {"widgets", "headless", "images", "vnsearch"},
    "widgets": {"headless", "images", "vnsearch"},
    "headless": {"vnsearch"},
    "images": {"vnsearch"},
    "vnsearch": set(),
}
PROJECT_PACKAGES = set(LAYERS) | {"images", "vnsearch"}
# A whole string that is a model label or a dotted path: "home.HomePage",
# "articles.articlepage", "widgets.weather.providers.OpenMeteoProvider".
DOTTED_NAME = re.compile(r"^([a-z_]+)\.[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")


def source_files(app):
    # Migrations record history (a dependency there follows the models), not a new reference.
    return [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def imported_top_level_packages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


def named_packages(path):
    """The project packages that string constants name as ``package.Model`` or a dotted path
    (what ``apps.get_model``, ``parent_page_types``, ``import_string`` or a setting read)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = DOTTED_NAME.match(node.value)
            if match and match.group(1) in PROJECT_PACKAGES:
                yield match.group(1), node.value, node.lineno


def wrong_way(app, package):
    return package != app and package not in ALLOWED[app]


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_point_one_way(app):
    wrong = []
    for path in source_files(app):
        for package, line in imported_top_level_packages(path):
            if package in PROJECT_PACKAGES and wrong_way(app, package):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {package}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_names_no_model_of_a_layer_above(app):
    wrong = []
    for path in source_files(app):
        for package, name, line in named_packages(path):
            if wrong_way(app, package):
                wrong.append(f"{path.relative_to(ROOT)}:{line} names {name!r}")
    assert not wrong, "\n".join(wrong)


def test_each_app_reads_settings_through_django_not_cms():
    for app in ALLOWED:
        for path in (ROOT / app).rglob("*.py"):
            assert "cms.settings" not in path.read_text(encoding="utf-8"), path
