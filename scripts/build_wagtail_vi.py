"""Build the Vietnamese overlay catalogue that fills the gaps in Wagtail's own `vi` catalogues.

Wagtail and wagtail-localize ship `en` catalogues listing every msgid, and `vi` catalogues that
translate only part of them. This tool collects every msgid (per gettext domain: `django` and
`djangojs`) that an `en` catalogue lists but whose sibling `vi` catalogue does not translate,
merges in our translations and writes

    locale/wagtail_vi/vi/LC_MESSAGES/<domain>.po   (+ <domain>.mo, compiled with polib)

The overlay directory is the second entry of LOCALE_PATHS, so Django prefers it to the apps'
catalogues (and the project's own `locale/` still wins over it).

Where translations come from (later wins):
1. the overlay .po itself: a translation edited there directly survives every re-run (e.g.
   after a Wagtail upgrade, which only adds the new msgids, untranslated, and drops the ones
   Wagtail no longer has), unless a batch row below exists for the same msgid;
2. `locale/wagtail_vi/translations/<domain>/*.tsv`, the translator's batch files: one
   `KEY msgstr` row per line, where KEY is `key()` of the entry (8 hex digits, stable
   across Wagtail releases as long as msgctxt+msgid are unchanged) and `\\n` in msgstr stands
   for a newline. A row whose KEY is a msgid Wagtail already translates overrides Wagtail's
   translation (used where it contradicts GLOSSARY).

Usage:
    python scripts/build_wagtail_vi.py            # build, report untranslated/obsolete msgids
    python scripts/build_wagtail_vi.py --todo     # list untranslated entries: DOMAIN:KEY<TAB>msgid
    python scripts/build_wagtail_vi.py --check    # exit 1 if the .po/.mo on disk are out of date
"""

import argparse
import hashlib
import sys
import sysconfig
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
OVERLAY_DIR = BASE_DIR / "locale" / "wagtail_vi"
DOMAINS = ("django", "djangojs")

# Terminology used throughout the overlay (English -> Vietnamese). Every translation follows it.
GLOSSARY = {
    "page": "trang",
    "draft": "bản nháp",
    "publish": "xuất bản",
    "unpublish": "ngừng xuất bản",
    "live": "đã xuất bản (status), đang xuất bản (version)",
    "revision": "phiên bản",
    "workflow": "quy trình duyệt",
    "task": "bước duyệt",
    "moderation": "kiểm duyệt",
    "submit for moderation": "gửi duyệt",
    "approve": "phê duyệt",
    "reject": "từ chối",
    "snippet": "đoạn nội dung dùng chung",
    "collection": "bộ sưu tập",
    "document": "tài liệu",
    "image": "hình ảnh",
    "rendition": "bản kết xuất",
    "focal point": "điểm lấy nét",
    "locale": "ngôn ngữ",
    "translation": "bản dịch",
    "sync": "đồng bộ",
    "preview": "xem trước",
    "settings": "cài đặt",
    "user": "người dùng",
    "group": "nhóm",
    "permission": "quyền",
    "dashboard": "bảng điều khiển",
    "search": "tìm kiếm",
    "promoted search result": "kết quả tìm kiếm đề xuất",
    "redirect": "chuyển hướng",
    "sign in": "đăng nhập",
    "sign out": "đăng xuất",
    "password": "mật khẩu",
    "save": "lưu",
    "delete": "xoá",
    "edit": "sửa",
    "add": "thêm",
    "create": "tạo",
    "cancel": "huỷ",
    "copy": "sao chép",
    "move": "di chuyển",
    "schedule": "lên lịch",
    "privacy": "quyền riêng tư",
    "lock": "khoá",
    "alt text": "văn bản thay thế",
    "site": "trang web",
    "slug": "slug",
    "owner": "người sở hữu",
    "comment": "bình luận",
    "history": "lịch sử",
    "report": "báo cáo",
    "filter": "bộ lọc",
    "bulk action": "thao tác hàng loạt",
    "block": "khối",
    "field": "trường",
    "embed": "nội dung nhúng",
    "explorer": "cây trang",
    "child page": "trang con",
    "parent page": "trang cha",
    "alias": "bí danh",
}

# Source catalogues, most visible to editors first. `priority` ones must reach the coverage
# target that tests/test_admin_vietnamese.py checks.
CATALOGUES = [
    ("wagtail/admin", True),
    ("wagtail", True),
    ("wagtail/images", True),
    ("wagtail/documents", True),
    ("wagtail/snippets", True),
    ("wagtail/users", True),
    ("wagtail_localize", True),
    ("wagtail_localize/locales", True),
    ("wagtail/contrib/redirects", True),
    ("wagtail/contrib/settings", True),
    ("wagtail/contrib/table_block", True),
    ("wagtail/contrib/search_promotions", True),
    ("wagtail/locales", True),
    ("wagtail/sites", True),
    ("wagtail/search", True),
    ("wagtail/embeds", True),
    ("wagtail/contrib/forms", False),
    ("wagtail/contrib/simple_translation", False),
    ("wagtail/contrib/typed_table_block", False),
    ("wagtail/contrib/styleguide", False),
    # Django's own vi catalogue lags behind too (e.g. "%(num)d minute" in the admin's timesince).
    ("django/conf", False),
    ("django/contrib/auth", False),
]


def site_packages():
    return Path(sysconfig.get_paths()["purelib"])


def key(msgctxt, msgid):
    """A short stable identifier for one (msgctxt, msgid) pair."""
    raw = f"{msgctxt or ''}\x04{msgid}".encode()
    return hashlib.sha1(raw, usedforsecurity=False).hexdigest()[:8]


def catalogue_pair(catalogue, domain):
    base = site_packages() / catalogue / "locale"
    return (
        base / "en" / "LC_MESSAGES" / f"{domain}.po",
        base / "vi" / "LC_MESSAGES" / f"{domain}.po",
    )


def collect(domain, priority_only=False):
    """Every entry of Wagtail's `en` catalogues for DOMAIN, by key.

    Returns {key: (entry, [catalogues], translated_upstream)}; an msgid is `translated_upstream`
    only if every `vi` catalogue that lists it translates it."""
    found = {}
    for catalogue, priority in CATALOGUES:
        if priority_only and not priority:
            continue
        en_path, vi_path = catalogue_pair(catalogue, domain)
        if not en_path.exists():
            continue
        vi_done = set()
        if vi_path.exists():
            vi_done = {(e.msgctxt, e.msgid) for e in polib.pofile(str(vi_path)) if e.translated()}
        for entry in polib.pofile(str(en_path)):
            if entry.obsolete or not entry.msgid:
                continue
            k = key(entry.msgctxt, entry.msgid)
            done = (entry.msgctxt, entry.msgid) in vi_done
            if k in found:
                first, sources, upstream = found[k]
                found[k] = (first, [*sources, catalogue], upstream and done)
            else:
                found[k] = (entry, [catalogue], done)
    return found


def read_batches(domain):
    """Translations from the batch files: {key: msgstr}."""
    result = {}
    for path in sorted((OVERLAY_DIR / "translations" / domain).glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            k, _, text = line.partition(" ")
            if len(k) != 8 or not text.strip():
                sys.exit(f"{path}:{number}: expected KEY translation")
            result[k] = text.strip().replace("\\n", "\n")
    return result


def po_path(domain):
    return OVERLAY_DIR / "vi" / "LC_MESSAGES" / f"{domain}.po"


def read_overlay(domain):
    path = po_path(domain)
    if not path.exists():
        return {}
    result = {}
    for entry in polib.pofile(str(path)):
        text = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        if text and "fuzzy" not in entry.flags:
            result[key(entry.msgctxt, entry.msgid)] = text
    return result


def wagtail_version():
    try:
        import wagtail

        return wagtail.__version__
    except ImportError:  # pragma: no cover - the tool runs inside the project's virtualenv
        return "unknown"


def keep_edge_whitespace(msgid, text):
    """Give TEXT the leading/trailing whitespace of MSGID ("Publish in " + locale name)."""
    lead = msgid[: len(msgid) - len(msgid.lstrip())]
    trail = msgid[len(msgid.rstrip()) :]
    return lead + text.strip() + trail


def build_catalogue(domain):
    """Return (po, untranslated keys, obsolete keys) without writing anything."""
    found = collect(domain)
    translations = read_overlay(domain)
    translations.update(read_batches(domain))
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Cong thong tin - Wagtail Vietnamese overlay",
        "Report-Msgid-Bugs-To": "",
        "X-Wagtail-Version": wagtail_version(),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": "vi",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    untranslated = []
    for k, (source, catalogues, upstream) in found.items():
        text = translations.get(k)
        if text is not None:
            text = keep_edge_whitespace(source.msgid, text)
        if upstream and text is None:
            continue  # Wagtail translates it and we do not override it
        entry = polib.POEntry(
            msgctxt=source.msgctxt,
            msgid=source.msgid,
            comment=" ".join(catalogues),
            flags=[f for f in source.flags if f.endswith("-format")],
        )
        if source.msgid_plural:
            entry.msgid_plural = source.msgid_plural
            entry.msgstr_plural = {0: text or ""}
        else:
            entry.msgstr = text or ""
        if text is None:
            untranslated.append(k)
        po.append(entry)
    obsolete = sorted(set(translations) - set(found))
    return po, untranslated, obsolete


def compiled_entries(catalogue):
    """What a compiled catalogue says: {(msgctxt, msgid): msgstr or plural forms}."""
    return {
        (e.msgctxt, e.msgid): tuple(sorted(e.msgstr_plural.items())) if e.msgid_plural else e.msgstr
        for e in catalogue
        if e.msgid and is_translated(e)
    }


def is_translated(entry):
    if "fuzzy" in getattr(entry, "flags", ()):
        return False
    return any(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)


def mo_matches(po, mo_path):
    """True if the .mo at MO_PATH holds exactly PO's translations and plural rule, whichever
    tool compiled it (polib here, msgfmt through `manage.py compilemessages`)."""
    if not Path(mo_path).exists():
        return False
    mo = polib.mofile(str(mo_path))
    return (
        compiled_entries(mo) == compiled_entries(po)
        and mo.metadata.get("Plural-Forms") == po.metadata["Plural-Forms"]
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--todo", action="store_true", help="print untranslated entries")
    parser.add_argument("--check", action="store_true", help="fail if the overlay is stale")
    parser.add_argument("--limit", type=int, default=0, help="with --todo: at most N entries")
    args = parser.parse_args(argv)
    stale = False
    for domain in DOMAINS:
        po, untranslated, obsolete = build_catalogue(domain)
        path = po_path(domain)
        if args.todo:
            found = collect(domain)
            for k in untranslated[: args.limit or None]:
                entry, catalogues, _ = found[k]
                msgid = entry.msgid.replace("\n", "\\n")
                plural = f"  ||PLURAL: {entry.msgid_plural}" if entry.msgid_plural else ""
                ctx = f"  ||CTX: {entry.msgctxt}" if entry.msgctxt else ""
                print(f"{domain}:{k}\t{msgid}{plural}{ctx}  ||{catalogues[0]}")
            continue
        text = str(po)
        if args.check:
            if (
                not path.exists()
                or path.read_text(encoding="utf-8") != text
                or not mo_matches(po, path.with_suffix(".mo"))
            ):
                print(f"{path}: out of date, run scripts/build_wagtail_vi.py")
                stale = True
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
        done = len(po) - len(untranslated)
        print(f"{path.relative_to(BASE_DIR)}: {done}/{len(po)} translated")
        if untranslated:
            print(f"  {len(untranslated)} untranslated (see --todo)")
        if obsolete:
            print(
                f"  {len(obsolete)} translations no longer used by Wagtail: {', '.join(obsolete)}"
            )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
