"""Webhooks are signed, sent after the editor's transaction without blocking it, and retried
with back-off. The receiver is a real HTTP server on this machine."""

import datetime
import json

import pytest
from django.test import override_settings
from django.utils import timezone

from articles.models import ArticlePage
from headless import webhooks
from headless.models import WebhookDelivery, WebhookEndpoint

from .fixtures_webhooks import Receiver

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")


@pytest.fixture(autouse=True)
def _local_receivers_allowed(settings):
    """The receivers here run on this machine: allowed explicitly, as a developer would."""
    settings.PORTAL_WEBHOOK_ALLOW_PRIVATE_HOSTS = True


@pytest.fixture
def article(demo):
    return ArticlePage.objects.get(locale__language_code="vi", slug__startswith="day-manh")


@override_settings(PORTAL_WEBHOOKS_IN_BACKGROUND=False)
def test_publishing_posts_a_signed_event(article, django_capture_on_commit_callbacks):
    with Receiver([200]) as receiver:
        endpoint = WebhookEndpoint.objects.create(name="Huyện", url=receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
        headers, body = receiver.requests[0]
    payload = json.loads(body)
    assert payload["event"] == "page.published"
    assert payload["page"]["id"] == article.pk
    assert webhooks.verify(
        endpoint.secret, headers["X-Portal-Timestamp"], body, headers["X-Portal-Signature"]
    )
    assert not webhooks.verify(
        "wrong", headers["X-Portal-Timestamp"], body, headers["X-Portal-Signature"]
    )
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.attempts == 1


@override_settings(PORTAL_WEBHOOKS_IN_BACKGROUND=False, PORTAL_WEBHOOK_MAX_ATTEMPTS=3)
def test_a_failing_receiver_is_retried_with_back_off_then_given_up(
    article, django_capture_on_commit_callbacks
):
    with Receiver([500, 503, 500]) as receiver:
        WebhookEndpoint.objects.create(name="Huyện", url=receiver.url, events=["page.unpublished"])
        with django_capture_on_commit_callbacks(execute=True):
            article.unpublish()
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == WebhookDelivery.Status.PENDING
        assert delivery.last_error == "HTTP 500"
        first_wait = delivery.next_attempt_at - timezone.now()
        assert datetime.timedelta(seconds=20) < first_wait <= datetime.timedelta(seconds=30)

        assert webhooks.deliver() == []  # not due yet
        later = timezone.now() + datetime.timedelta(hours=2)
        webhooks.deliver(now=later)
        delivery.refresh_from_db()
        assert delivery.attempts == 2
        assert delivery.next_attempt_at - timezone.now() > first_wait  # backs off
        webhooks.deliver(now=later + datetime.timedelta(hours=2))
        delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert len(receiver.requests) == 3


@override_settings(PORTAL_WEBHOOKS_IN_BACKGROUND=False)
def test_an_unreachable_receiver_does_not_break_publishing(
    article, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.create(name="Tắt", url="http://127.0.0.1:9/hook")
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert delivery.last_error


def test_endpoints_receive_only_the_events_they_chose(article, django_capture_on_commit_callbacks):
    WebhookEndpoint.objects.create(
        name="Chỉ gỡ", url="http://127.0.0.1:9/", events=["page.unpublished"]
    )
    with django_capture_on_commit_callbacks(execute=False):
        article.save_revision().publish()
    assert not WebhookDelivery.objects.exists()


def test_deleting_a_page_sends_one_event(article, django_capture_on_commit_callbacks):
    WebhookEndpoint.objects.create(name="Xoá", url="http://127.0.0.1:9/", events=["page.deleted"])
    with django_capture_on_commit_callbacks(execute=False):
        ArticlePage.objects.get(pk=article.pk).delete()
    assert WebhookDelivery.objects.filter(event="page.deleted").count() == 1
