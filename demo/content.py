import json
from functools import cache
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"


@cache
def load(name):
    with (CONTENT_DIR / name).open(encoding="utf-8") as f:
        return json.load(f)
