"""Webhooks: on publish, unpublish and delete, POST a signed JSON body to each endpoint.

Deliveries are rows: created in the editor's transaction, sent after it commits by a
background thread (the editor never waits on a receiver), retried with exponential back-off
by ``manage.py deliver_webhooks`` (cron) until they succeed or run out of attempts.

Where a webhook may be sent is checked again at each delivery (``webhook_urls``: https in
production, no private or local address, no redirect). A page behind a password or a login
is announced without its title or address."""

import datetime
import hashlib
import hmac
import json
import logging
import threading
import time
import urllib.error
import urllib.request

from django.core.exceptions import ValidationError
from django.db import close_old_connections, transaction
from django.utils import timezone

from .conf import app_settings
from .models import WebhookDelivery, WebhookEndpoint
from .webhook_urls import opener, validate_url

logger = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-Portal-Signature"
TIMESTAMP_HEADER = "X-Portal-Timestamp"


def max_attempts():
    return app_settings.PORTAL_WEBHOOK_MAX_ATTEMPTS


def backoff(attempts):
    """Seconds before the next try: 30 s, 1 min, 2 min, 4 min … capped at 1 hour."""
    return min(30 * 2 ** max(attempts - 1, 0), 3600)


def sign(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(secret, timestamp, body, signature):
    """What a receiver does; used by the tests and documented for integrators."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def post(url, body, headers, timeout):
    """The one network call. Returns the HTTP status (a redirect is not followed: its 3xx is
    the answer); raises OSError on no answer or an address webhooks may not reach."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with opener().open(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def is_restricted(page):
    """Whether the page (or an ancestor) is behind a password, a login or groups."""
    return page.get_view_restrictions().exists()


def page_payload(event, page):
    restricted = is_restricted(page)
    return {
        "event": event,
        "page": {
            "id": page.pk,
            "type": page.specific_class._meta.label if page.specific_class else "",
            # a restricted page's title and address are not for the receiver
            "title": None if restricted else page.title,
            "locale": page.locale.language_code if page.locale_id else None,
            "url": page.full_url if event != "page.deleted" and not restricted else None,
            "restricted": restricted,
        },
        "sent_at": timezone.now().isoformat(),
    }


def enqueue(event, payload):
    endpoints = [e for e in WebhookEndpoint.objects.filter(active=True) if e.wants(event)]
    if not endpoints:
        return []
    now = timezone.now()
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=e, event=event, payload=payload, next_attempt_at=now)
        for e in endpoints
    )
    ids = [d.pk for d in deliveries]
    transaction.on_commit(lambda: _send_in_background(ids))
    return deliveries


def _send_in_background(ids):
    if not app_settings.PORTAL_WEBHOOKS_IN_BACKGROUND:
        deliver(ids)
        return
    thread = threading.Thread(target=_thread_main, args=(ids,), daemon=True)
    thread.start()


def _thread_main(ids):
    try:
        deliver(ids)
    finally:
        close_old_connections()


def deliver(ids=None, now=None):
    """Attempt the given (or all due) pending deliveries once each."""
    now = now or timezone.now()
    pending = WebhookDelivery.objects.select_related("endpoint").filter(
        status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now
    )
    if ids is not None:
        pending = pending.filter(pk__in=ids)
    done = []
    for delivery in pending:
        attempt(delivery)
        done.append(delivery)
    return done


def attempt(delivery):
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "cong-thong-tin-webhooks/1",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(delivery.endpoint.secret, timestamp, body),
        "X-Portal-Event": delivery.event,
        "X-Portal-Delivery": str(delivery.pk),
    }
    delivery.attempts += 1
    try:
        validate_url(delivery.endpoint.url)
        status = post(delivery.endpoint.url, body, headers, timeout=_timeout())
        error = "" if 200 <= status < 300 else f"HTTP {status}"
        if 300 <= status < 400:
            error += " (redirects are not followed)"
    except ValidationError as exc:
        status, error = None, " ".join(str(message) for message in exc.messages)
    except (OSError, ValueError) as exc:
        status, error = None, str(exc) or exc.__class__.__name__
    delivery.response_status = status
    delivery.last_error = error
    if not error:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
    elif delivery.attempts >= max_attempts():
        delivery.status = WebhookDelivery.Status.FAILED
        logger.warning(
            "Webhook %s gave up after %s attempts: %s", delivery.pk, delivery.attempts, error
        )
    else:
        delivery.next_attempt_at = timezone.now() + datetime.timedelta(
            seconds=backoff(delivery.attempts)
        )
    delivery.save()
    return delivery


def _timeout():
    return app_settings.PORTAL_WEBHOOK_TIMEOUT
