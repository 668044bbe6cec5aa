"""The committed OpenAPI document is the contract: a change to it (a model, a block, a
Wagtail upgrade) must be deliberate. Regenerate with `make openapi` and review the diff."""

import json
from pathlib import Path

from headless.management.commands.export_openapi import dumps, openapi_document

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"


def _paths_and_schemas(document):
    return set(document["paths"]), set(document["components"]["schemas"])


def test_openapi_document_matches_the_committed_contract(db):
    current = openapi_document()
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    if current != committed:
        now_paths, now_schemas = _paths_and_schemas(current)
        old_paths, old_schemas = _paths_and_schemas(committed)
        summary = {
            "paths added": sorted(now_paths - old_paths),
            "paths removed": sorted(old_paths - now_paths),
            "schemas added": sorted(now_schemas - old_schemas),
            "schemas removed": sorted(old_schemas - now_schemas),
        }
        raise AssertionError(
            "The API contract changed; if intended, run `make openapi` and commit "
            f"tests/snapshots/openapi.json.\n{json.dumps(summary, indent=1)}"
        )
    assert dumps(current) == SNAPSHOT.read_text(encoding="utf-8")
