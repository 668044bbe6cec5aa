"""schemathesis over every operation of the OpenAPI document, with a larger budget than the
test suite's: zero server errors and zero schema violations, and the counts it ran.

    .venv/bin/python -m bench.fuzz [EXAMPLES_PER_OPERATION]      (default 200)

Runs in a throw-away test database (SQLite by default; DATABASE_URL for PostgreSQL)."""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    examples = int(argv[0]) if argv else 200
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        from tests.test_api_fuzz import fuzz

        started = time.monotonic()
        count, failures = fuzz(max_examples=examples)
        elapsed = time.monotonic() - started
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"\n## API fuzzing (schemathesis, up to {examples} examples per operation)\n")
    print(f"operations: {count}, failed: {len(failures)}, time: {elapsed:.0f} s")
    for operation, text in failures.items():
        print(f"\n{operation}\n{text}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
