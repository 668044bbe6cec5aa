from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po"))
CATALOGUES = [p for p in CATALOGUES if ".venv" not in p.parts]


def test_vietnamese_is_the_default_and_english_the_second_language():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["vi", "en"]
    assert settings.WAGTAIL_I18N_ENABLED
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_there_are_vietnamese_and_english_catalogues():
    languages = {path.parent.parent.name for path in CATALOGUES}
    assert {"vi", "en"} <= languages


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_vietnamese_catalogue_is_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    if po_path.parent.parent.name == "vi":
        missing = [e.msgid for e in po if not e.obsolete and not e.translated()]
        assert not missing, f"untranslated in {po_path}: {missing[:5]}"
        assert not [e.msgid for e in po.fuzzy_entries()], "fuzzy entries would be ignored"
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run make messages"
    # The same msgid may appear under several contexts ("Salinity" as a metric and a heading).
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path))}
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            key = (entry.msgctxt, entry.msgid)
            assert compiled.get(key) == entry.msgstr, f"{mo_path} is stale"


def test_ui_strings_are_translated_to_vietnamese():
    with translation.override("vi"):
        assert translation.gettext("Skip to content") == "Truy cập nội dung luôn"
        assert translation.gettext("Latest news") == "Tin bài mới"
