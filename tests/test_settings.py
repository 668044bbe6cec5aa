"""Production refuses to start on a bad environment, with one sentence and no traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k3Y-" + "a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ_-aAbBcCdDeEfF"


def run_manage(*args, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        ALLOWED_HOSTS="portal.example.gov.vn",
        DATABASE_URL="sqlite:///:memory:",
        CACHE_URL="redis://127.0.0.1:6379/0",  # parsed only: checks do not connect
        SECRET_KEY=STRONG_KEY,
    )
    env.update(env_overrides)
    env = {k: v for k, v in env.items() if v is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY is too weak"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 60}, "SECRET_KEY is too weak"),
        ({"DATABASE_URL": "postgres://user@host:notaport/db"}, "DATABASE_URL is not a valid"),
        ({"DATABASE_URL": "nonsense"}, "DATABASE_URL is not a valid"),
        ({"DEBUG": "maybe"}, "DEBUG must be one of"),
    ],
)
def test_production_refuses_a_bad_environment_with_one_clear_sentence(overrides, message):
    result = run_manage("check", **overrides)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_starts_with_a_good_environment():
    result = run_manage("check")
    assert result.returncode == 0, result.stderr


def test_production_passes_the_deployment_checklist():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deployment_checklist_asks_for_a_shared_cache():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", CACHE_URL=None, REDIS_URL=None
    )
    assert result.returncode != 0
    assert "headless.W001" in result.stderr and "CACHE_URL or REDIS_URL" in result.stderr
