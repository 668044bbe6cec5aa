"""The admin sign-in resists guessing (django-axes): after 5 failures for one user name from
one address, that pair is locked for 15 minutes with a clear Vietnamese message; other
officers and other addresses are not affected; an administrator can lift the lock."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings

LOGIN = "/admin/login/"
MESSAGE = "bị tạm khóa trong 15 phút"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_axes_on")]


@pytest.fixture
def _axes_on(settings):
    settings.AXES_ENABLED = True
    cache.clear()  # attempts are counted in the cache
    yield
    cache.clear()


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_superuser(
        "bientap", "bientap@example.gov.vn", "Mat-khau-dung-2026"
    )


def sign_in(client, password, username="bientap", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def test_five_wrong_passwords_lock_the_account_from_that_address(officer):
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    for _ in range(4):
        response = sign_in(client, "sai-mat-khau")
        assert response.status_code == 200  # the login form again, with its error
        assert MESSAGE not in response.content.decode()
    locked = sign_in(client, "sai-mat-khau")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sau 5 lần đăng nhập sai" in page and MESSAGE in page
    assert int(locked["Retry-After"]) == 15 * 60
    # even the right password waits out the lock
    assert sign_in(client, "Mat-khau-dung-2026").status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_for_that_user_name_from_that_address_only(officer):
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    for _ in range(6):
        sign_in(attacker, "doan-bua")
    assert sign_in(attacker, "Mat-khau-dung-2026").status_code == 429
    colleague = Client(REMOTE_ADDR="198.51.100.7")
    answer = sign_in(colleague, "Mat-khau-dung-2026")
    assert answer.status_code == 302, "the officer signs in from the office"


@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_clients_address_counts_not_the_proxys(officer):
    for _ in range(5):
        sign_in(Client(), "sai", HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert sign_in(Client(), "sai", HTTP_X_FORWARDED_FOR="203.0.113.66").status_code == 429
    other = sign_in(Client(), "Mat-khau-dung-2026", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.status_code == 302


def test_an_administrator_lifts_the_lock(officer):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(5):
        sign_in(client, "sai")
    assert sign_in(client, "Mat-khau-dung-2026").status_code == 429
    call_command("axes_reset_ip_username", "203.0.113.5", "bientap", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sign_in(client, "Mat-khau-dung-2026").status_code == 302


def test_no_address_is_written_to_the_database_or_the_log(officer, caplog):
    from axes.models import AccessAttempt, AccessLog

    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(6):
        sign_in(client, "sai")
    sign_in(Client(REMOTE_ADDR="198.51.100.1"), "Mat-khau-dung-2026")
    assert not AccessAttempt.objects.exists() and not AccessLog.objects.exists()
    assert "AXES" in caplog.text and "bientap" in caplog.text
    assert "203.0.113.9" not in caplog.text and "198.51.100.1" not in caplog.text
