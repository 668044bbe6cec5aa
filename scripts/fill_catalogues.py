"""Fill Vietnamese msgstr entries from a JSON glossary {msgid: msgstr} and compile .mo files.

Usage: python scripts/fill_catalogues.py glossary.json path/to/locale/*/LC_MESSAGES/django.po
Run `make messages` first so the catalogues list every string; it reports what is missing."""

import json
import sys
from pathlib import Path

import polib


def fill(glossary, path):
    po = polib.pofile(path)
    language = path.split("/locale/")[1].split("/")[0]
    po.metadata["Language"] = language
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    if language == "vi":
        po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
        for entry in po:
            if entry.msgid in glossary:
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: glossary[entry.msgid]}
                else:
                    entry.msgstr = glossary[entry.msgid]
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
    po.save()
    po.save_as_mofile(path[:-3] + ".mo")
    return [e.msgid for e in po if language == "vi" and not e.translated()]


def main():
    glossary = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    for path in sys.argv[2:]:
        missing = fill(glossary, path)
        if missing:
            print(f"{path}: untranslated {missing}")


if __name__ == "__main__":
    main()
