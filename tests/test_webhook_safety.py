"""Webhooks cannot be turned against the portal's own network: https in production, no
loopback, link-local or private receivers unless a setting allows them (checked in the admin
form and again, with DNS, at each delivery), no redirects followed, and pages behind a
password are announced without their title or address."""

import json
import socket

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from headless.models import WebhookDelivery, WebhookEndpoint
from headless.webhook_urls import is_public
from tests.test_settings import run_manage

from .fixtures_webhooks import Receiver

pytestmark = pytest.mark.usefixtures("shared_demo")


@pytest.fixture
def article(demo):
    return ArticlePage.objects.get(locale__language_code="vi", slug__startswith="day-manh")


PRIVATE_URLS = [
    "http://127.0.0.1:8000/hook",
    "http://localhost/hook",
    "http://api.localhost/hook",
    "http://10.0.0.5/hook",
    "http://192.168.1.1/hook",
    "http://172.16.0.1/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/hook",
    "http://[fe80::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://100.64.0.1/hook",
    "http://0.0.0.0/hook",
]


@pytest.mark.parametrize("url", PRIVATE_URLS)
def test_a_private_or_local_receiver_is_refused_when_saved(db, url):
    endpoint = WebhookEndpoint(name="Nội bộ", url=url)
    with pytest.raises(ValidationError) as refused:
        endpoint.full_clean()
    assert "mạng nội bộ" in str(refused.value.message_dict["url"])


def test_a_public_receiver_is_accepted(db):
    WebhookEndpoint(name="Huyện", url="https://huyen.example.vn/hook").full_clean()


@override_settings(PORTAL_WEBHOOK_ALLOW_PRIVATE_HOSTS=True)
def test_a_setting_allows_private_receivers(db):
    WebhookEndpoint(name="Nội bộ", url="http://10.0.0.5/hook").full_clean()


@override_settings(PORTAL_WEBHOOK_REQUIRE_HTTPS=True)
def test_https_is_required_when_the_setting_says_so(db):
    with pytest.raises(ValidationError) as refused:
        WebhookEndpoint(name="Huyện", url="http://huyen.example.vn/hook").full_clean()
    assert "https://" in str(refused.value.message_dict["url"])


def test_production_requires_https_for_webhooks(db):
    code = "from django.conf import settings; print(settings.PORTAL_WEBHOOK_REQUIRE_HTTPS)"
    result = run_manage("shell", "-c", code)
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr


def test_the_admin_form_shows_the_refusal_in_vietnamese(admin_client):
    response = admin_client.post(
        reverse("webhooks:add"),
        {"name": "Máy chủ nội bộ", "url": "http://169.254.169.254/latest/", "active": "on",
         "secret": "bí-mật-chung-đủ-dài-0123456789"},
        HTTP_ACCEPT_LANGUAGE="vi",
    )  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "mạng nội bộ" in page
    assert not WebhookEndpoint.objects.filter(name="Máy chủ nội bộ").exists()


@override_settings(PORTAL_WEBHOOKS_IN_BACKGROUND=False)
def test_delivery_refuses_a_stored_private_receiver(article, django_capture_on_commit_callbacks):
    with Receiver() as receiver:
        # stored before the rule (no validation on create): checked again when sent
        WebhookEndpoint.objects.create(name="Cũ", url=receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status != WebhookDelivery.Status.DELIVERED
    assert "mạng nội bộ" in delivery.last_error
    assert receiver.requests == []


@override_settings(PORTAL_WEBHOOKS_IN_BACKGROUND=False)
def test_delivery_resolves_the_name_and_refuses_a_private_address(
    article, django_capture_on_commit_callbacks
):
    name = socket.gethostname()  # a name that passes the form, resolving to this machine
    address = socket.getaddrinfo(name, 80, type=socket.SOCK_STREAM)[0][4][0]
    if is_public(address):
        pytest.skip(f"{name} resolves to a public address here")
    with Receiver() as receiver:
        port = receiver.server.server_port
        # a name, not an address: only resolving it shows where it leads
        WebhookEndpoint.objects.create(name="Tên", url=f"http://{name}:{port}/hook")
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert "resolves to a private or local address" in delivery.last_error
    assert receiver.requests == []


@override_settings(PORTAL_WEBHOOKS_IN_BACKGROUND=False, PORTAL_WEBHOOK_ALLOW_PRIVATE_HOSTS=True)
def test_redirects_are_not_followed(article, django_capture_on_commit_callbacks):
    with Receiver() as target:
        with Receiver(redirect_to=target.url) as redirecting:
            WebhookEndpoint.objects.create(name="Chuyển hướng", url=redirecting.url)
            with django_capture_on_commit_callbacks(execute=True):
                article.save_revision().publish()
        assert len(redirecting.requests) == 1
        assert target.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.last_error == "HTTP 302 (redirects are not followed)"
    assert delivery.status != WebhookDelivery.Status.DELIVERED


@override_settings(PORTAL_WEBHOOKS_IN_BACKGROUND=False, PORTAL_WEBHOOK_ALLOW_PRIVATE_HOSTS=True)
def test_a_password_protected_page_is_announced_without_title_or_address(
    article, django_capture_on_commit_callbacks
):
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    with Receiver() as receiver:
        WebhookEndpoint.objects.create(name="Huyện", url=receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
    _headers, body = receiver.requests[0]
    payload = json.loads(body)["page"]
    assert payload == {**payload, "id": article.pk, "title": None, "url": None, "restricted": True}
    assert article.title.encode() not in body
    assert article.slug.encode() not in body
