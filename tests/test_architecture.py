"""The apps are a plugin as well as a site: imports point one way, cms -> home -> articles
-> widgets -> headless, and no app imports the project package."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["cms", "home", "articles", "widgets", "headless"]
# An app may import the layers after it in LAYERS, plus `images` (any app may show images)
# and `vnsearch` (any app may search: Vietnamese folding and the search backend).
ALLOWED = {
    "home": {"articles", "widgets", "headless", "images", "vnsearch"},
    "articles": {"widgets", "headless", "images", "vnsearch"},
    "widgets": {"headless", "images", "vnsearch"},
    "headless": {"vnsearch"},
    "images": {"vnsearch"},
    "vnsearch": set(),
}


def imported_top_level_packages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_point_one_way(app):
    project_packages = set(LAYERS) | {"images", "vnsearch"}
    wrong = []
    for path in (ROOT / app).rglob("*.py"):
        for package, line in imported_top_level_packages(path):
            if package in project_packages and package != app and package not in ALLOWED[app]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {package}")
    assert not wrong, "\n".join(wrong)


def test_each_app_reads_settings_through_django_not_cms():
    for app in ALLOWED:
        for path in (ROOT / app).rglob("*.py"):
            assert "cms.settings" not in path.read_text(encoding="utf-8"), path
