"""schemathesis over the whole OpenAPI document with a larger budget than the test suite's:
every check, every phase (stateful included), and an administrator's API token so that
Wagtail's write operations run past their 401. Zero server errors, zero schema violations,
zero invalid inputs accepted; prints the counts it ran.

    .venv/bin/python -m bench.fuzz [EXAMPLES_PER_OPERATION] [SECONDS]      (default 100, 600)

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
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment
    from wagtail.models import APIToken

    examples = int(argv[0]) if argv else 100
    seconds = int(argv[1]) if len(argv) > 1 else 600
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        admin = get_user_model().objects.create_superuser("fuzz", "fuzz@example.org", None)
        _token, plaintext = APIToken.create_token(user=admin, name="bench.fuzz")
        from tests.test_api_fuzz import fuzz

        started = time.monotonic()
        stats, failures = fuzz(max_examples=examples, max_seconds=seconds, token=plaintext)
        elapsed = time.monotonic() - started
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"\n## API fuzzing (schemathesis, all checks and phases, {examples} examples)\n")
    print(
        f"operations: {stats['operations']}, requests: {stats['requests']}, "
        f"failed: {len(failures)}, time: {elapsed:.0f} s ({stats.get('stopped')})"
    )
    for label, text in failures.items():
        print(f"\n{label}\n{text}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
