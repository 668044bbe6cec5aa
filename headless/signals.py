"""What the API reacts to: page changes bump the cache and notify webhooks; apps below the
project send ``data_changed`` after a batch (an import of readings, a stored forecast)."""

from django.db.models.signals import post_delete
from django.dispatch import Signal

from . import caching

# sender: the model class; topic: one of caching.TOPICS
data_changed = Signal()


def _data_changed(sender, topic, **kwargs):
    caching.bump(topic)


def _page_event(event):
    def handler(sender, instance, **kwargs):
        from .webhooks import enqueue, page_payload

        caching.bump("pages")
        enqueue(event, page_payload(event, instance))

    return handler


_on_published = _page_event("page.published")
_on_unpublished = _page_event("page.unpublished")
_on_deleted = _page_event("page.deleted")


def _on_moved(sender, **kwargs):
    caching.bump("pages")


def connect():
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_on_published, dispatch_uid="headless-published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="headless-unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="headless-moved")
    # Sent once per page for the base table row, whatever the page's type.
    post_delete.connect(_on_deleted, sender=Page, dispatch_uid="headless-deleted")
    data_changed.connect(_data_changed, dispatch_uid="headless-data")
