"""The Wagtail admin speaks Vietnamese: the overlay catalogue in locale/wagtail_vi fills the gaps
of Wagtail's own `vi` catalogues (see scripts/build_wagtail_vi.py)."""

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

ROOT = Path(__file__).resolve().parent.parent
OVERLAY = ROOT / "locale" / "wagtail_vi" / "vi" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")

# printf-style (%(name)s, %s, %d, %r), str.format ({name}, {}), HTML tags and entities.
PLACEHOLDER = re.compile(
    r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]"
    r"|%[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]"
    r"|\{\w*\}"
    r"|</?[a-zA-Z{][^<>]*>"
    r"|&\w+;|&#\d+;"
)


def load_builder():
    spec = importlib.util.spec_from_file_location(
        "build_wagtail_vi", ROOT / "scripts" / "build_wagtail_vi.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


builder = load_builder()


def overlay(domain):
    return polib.pofile(str(OVERLAY / f"{domain}.po"))


def msgstr(entry):
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


def test_overlay_comes_after_the_project_catalogue_in_locale_paths():
    paths = [Path(p) for p in settings.LOCALE_PATHS]
    assert paths[0] == ROOT / "locale"
    assert paths[1] == ROOT / "locale" / "wagtail_vi"


@pytest.mark.parametrize("domain", DOMAINS)
def test_overlay_headers_declare_vietnamese_with_one_plural_form(domain):
    metadata = overlay(domain).metadata
    assert metadata["Language"] == "vi"
    assert metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert metadata["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize("domain", DOMAINS)
def test_overlay_po_and_mo_are_what_the_builder_produces(domain):
    """Fails after a Wagtail upgrade until scripts/build_wagtail_vi.py is re-run."""
    po, untranslated, _ = builder.build_catalogue(domain)
    path = OVERLAY / f"{domain}.po"
    assert path.read_text(encoding="utf-8") == str(po), f"{path} is stale: run the builder"
    assert builder.mo_matches(po, OVERLAY / f"{domain}.mo"), "stale .mo: run the builder"
    assert not [e for e in overlay(domain) if "fuzzy" in e.flags]


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_translation_keeps_the_placeholders_and_tags_of_its_msgid(domain):
    broken = []
    for entry in overlay(domain):
        if not msgstr(entry):
            continue
        # Vietnamese uses msgstr[0] for every count, so it must fit the plural msgid.
        source = entry.msgid_plural or entry.msgid
        expected, got = (
            Counter(PLACEHOLDER.findall(source)),
            Counter(PLACEHOLDER.findall(msgstr(entry))),
        )
        if expected != got:
            broken.append((entry.msgid, dict(expected - got), dict(got - expected)))
    assert not broken, broken[:10]


@pytest.mark.parametrize("domain", DOMAINS)
def test_plural_entries_have_exactly_one_form(domain):
    for entry in overlay(domain):
        if entry.msgid_plural:
            assert list(entry.msgstr_plural) == [0], entry.msgid


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_are_vietnamese_not_copies_of_the_english(domain):
    # Tokens that stay as they are in Vietnamese UIs.
    allowed = {"ID", "URL", "IPv4", "IPv6", "Email", "Slug", "slug", "…", "%(truncated_text)s…"}
    copies = [
        e.msgid
        for e in overlay(domain)
        if msgstr(e) == e.msgid
        and e.msgid.strip() not in allowed
        and re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", e.msgid))
        and "Wagtail API" not in e.msgid
        and "Wagtail routablepage" not in e.msgid
    ]
    assert not copies, copies


def test_at_least_95_percent_of_the_prioritised_msgids_are_translated():
    needed = translated = 0
    for domain in DOMAINS:
        done = {builder.key(e.msgctxt, e.msgid) for e in overlay(domain) if msgstr(e)}
        for k, (_entry, _catalogues, upstream) in builder.collect(
            domain, priority_only=True
        ).items():
            if upstream:
                continue
            needed += 1
            translated += k in done
    assert needed > 1000  # Wagtail 8.0 leaves ~1,600 msgids untranslated in vi
    assert translated / needed >= 0.95, f"{translated}/{needed}"


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Sign in", "Đăng nhập"),
        ("Save draft", "Lưu bản nháp"),
        ("Publish", "Xuất bản"),
        ("Unpublish", "Ngừng xuất bản"),
        ("Submit for moderation", "Gửi duyệt"),
        ("Edit", "Sửa"),
        ("Settings", "Cài đặt"),
        ("Dashboard", "Bảng điều khiển"),
        ("Snippets", "Đoạn nội dung dùng chung"),
        ("Workflow", "Quy trình duyệt"),
        ("Locale", "Ngôn ngữ"),
        ("Alt text", "Văn bản thay thế"),
        ("Cancel", "Huỷ"),
    ],
)
def test_admin_terms_follow_the_glossary_over_wagtails_own_translations(english, vietnamese):
    with translation.override("vi"):
        assert translation.gettext(english) == vietnamese
    with translation.override("en"):
        assert translation.gettext(english) == english


def test_login_page_is_in_vietnamese(client, db):
    html = client.get("/admin/login/").content.decode()
    assert "Đăng nhập hệ thống quản trị" in html
    assert "Ghi nhớ đăng nhập" in html
    assert "Quên mật khẩu?" in html
    assert "Nhập mật khẩu" in html
    for english in ("Sign in to Wagtail", "Remember me", "Forgotten password?"):
        assert english not in html


def test_dashboard_is_in_vietnamese(admin_client, demo):
    html = admin_client.get("/admin/").content.decode()
    assert "Bảng điều khiển" in html
    assert "Tổng quan trang web" in html
    assert "Chuyển đến nội dung chính" in html
    assert "Site summary" not in html
    assert "Skip to main content" not in html


def home_page():
    return Page.objects.get(depth=2, locale__language_code="vi")


def test_page_explorer_is_in_vietnamese(admin_client, demo):
    html = admin_client.get(f"/admin/pages/{home_page().pk}/").content.decode()
    for vietnamese in (
        "Thêm trang con",
        "Ngừng xuất bản",
        "Xuất bản các trang đã chọn",
        "Sắp xếp thứ tự menu",
        "Đồng bộ các trang đã dịch",
    ):
        assert vietnamese in html, vietnamese
    for english in ("Add child page", "Sort menu order", "Publish selected pages"):
        assert english not in html


def test_page_edit_view_is_in_vietnamese(admin_client, demo):
    html = admin_client.get(f"/admin/pages/{home_page().pk}/edit/").content.decode()
    for vietnamese in (
        "Lưu bản nháp",
        "Xuất bản",
        "Đặt lịch xuất bản",
        "Nội dung",
        "Quảng bá",
        "Xem trước trong thẻ mới",
        "Thống kê nội dung",
        "Chế độ hiển thị trang:",
    ):
        assert vietnamese in html, vietnamese
    for english in ("Save draft", "Set publishing schedule", "Content metrics", "minutes"):
        assert english not in html


def test_admin_javascript_catalogue_is_in_vietnamese(admin_client):
    body = admin_client.get("/admin/jsi18n/").content.decode()
    for english, vietnamese in [("Main menu", "Menu chính"), ("Page explorer", "Cây trang")]:
        assert f"{json.dumps(english)}: {json.dumps(vietnamese)}" in body
