"""What operators rely on: the health check, a 503 (not a traceback) while the database is
away and recovery when it returns, and a backup that restores into a fresh database."""

import os
import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent


def test_healthz_reports_database_and_cache(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def _terminate(backend_pid):
    params = connection.get_connection_params()
    killer = psycopg2.connect(
        dbname=connection.settings_dict["NAME"],
        user=params.get("user"),
        host=params.get("host"),
        port=params.get("port"),
    )
    with killer.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [backend_pid])
    killer.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("path", "content_type", "marker"),
    [
        ("/", "text/html", "Hệ thống đang tạm ngừng phục vụ"),
        ("/api/v3/pages/?limit=1", "application/problem+json", '"status": 503'),
    ],
)
def test_database_going_away_gives_503_then_recovers(on_postgres, path, content_type, marker):
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client(raise_request_exception=False)
    assert client.get(path).status_code == 200

    connection.ensure_connection()
    _terminate(connection.connection.info.backend_pid)
    response = client.get(path + ("&" if "?" in path else "?") + "during=1")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith(content_type)
    assert marker in response.content.decode()
    assert "Traceback" not in response.content.decode()

    # What the request_finished signal does between requests (the test client disables it).
    close_old_connections()
    assert client.get(path + ("&" if "?" in path else "?") + "after=1").status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_into_a_fresh_database_with_the_same_content(on_postgres, tmp_path):
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    params = connection.get_connection_params()
    source = connection.settings_dict["NAME"]
    target = f"{source}_restored"
    user = params.get("user") or "postgres"
    host, port = params.get("host") or "127.0.0.1", params.get("port") or 5432

    def url(name):
        return f"postgres://{user}@{host}:{port}/{name}"

    admin = psycopg2.connect(dbname="postgres", user=user, host=host, port=port)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
        cursor.execute(f'CREATE DATABASE "{target}"')
    media = tmp_path / "media"
    media.mkdir()
    (media / "original_images").mkdir()
    (media / "original_images" / "anh.jpg").write_bytes(b"\xff\xd8demo")
    env = {**os.environ, "MEDIA_ROOT": str(media)}
    try:
        subprocess.run(
            [ROOT / "scripts/backup.sh", tmp_path / "backup"],
            env={**env, "DATABASE_URL": url(source)},
            check=True,
            capture_output=True,
        )
        restored_media = tmp_path / "restored-media"
        subprocess.run(
            [ROOT / "scripts/restore.sh", tmp_path / "backup"],
            env={**env, "DATABASE_URL": url(target), "MEDIA_ROOT": str(restored_media)},
            check=True,
            capture_output=True,
        )
        query = "SELECT title, url_path, live FROM wagtailcore_page ORDER BY path"
        with connection.cursor() as cursor:
            cursor.execute(query)
            pages = cursor.fetchall()
            tables = connection.introspection.table_names(cursor)
            counts = {}
            for table in tables:
                cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - own table names
                counts[table] = cursor.fetchone()[0]
        copy = psycopg2.connect(dbname=target, user=user, host=host, port=port)
        with copy.cursor() as cursor:
            cursor.execute(query)
            assert cursor.fetchall() == pages
            for table, count in counts.items():
                cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608
                assert cursor.fetchone()[0] == count, table
        copy.close()
        assert (restored_media / "original_images" / "anh.jpg").read_bytes() == b"\xff\xd8demo"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        admin.close()
