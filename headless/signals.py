"""What the caches and webhooks react to: page changes bump the cache and notify webhooks;
a row saved or deleted one by one (an edit in the admin) bumps the topics its model was
registered with (``bump_on_change``); apps send ``data_changed`` after a batch write (an
import, a fetch from a data provider)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from . import caching

# sender: the model class; topic: a registered cache topic (``caching.register_cache_topic``)
data_changed = Signal()


def _data_changed(sender, topic, **kwargs):
    caching.bump_on_commit(topic)


def _page_event(event):
    def handler(sender, instance, **kwargs):
        from .webhooks import enqueue, page_payload

        caching.bump_on_commit("pages")
        enqueue(event, page_payload(event, instance))

    return handler


_on_published = _page_event("page.published")
_on_unpublished = _page_event("page.unpublished")
_on_deleted = _page_event("page.deleted")


def _on_moved(sender, **kwargs):
    caching.bump_on_commit("pages")


def bump_on_change(model, *topics):
    """Mark ``topics`` stale whenever a ``model`` row is saved or deleted one by one (bulk
    writes send ``data_changed`` themselves)."""

    def handler(sender, **kwargs):
        caching.bump_on_commit(*topics)

    uid = f"headless-change-{model._meta.label_lower}-{'-'.join(topics)}"
    post_save.connect(handler, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(handler, sender=model, dispatch_uid=uid, weak=False)


def connect():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_on_published, dispatch_uid="headless-published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="headless-unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="headless-moved")
    # Sent once per page for the base table row, whatever the page's type.
    post_delete.connect(_on_deleted, sender=Page, dispatch_uid="headless-deleted")
    data_changed.connect(_data_changed, dispatch_uid="headless-data")
    # Pages show images and documents, a restriction hides a page from the public, and a
    # site's host name is part of the links to its pages.
    bump_on_change(PageViewRestriction, "pages")
    bump_on_change(Site, "pages")
    bump_on_change(get_image_model(), "pages")
    bump_on_change(get_document_model(), "pages")
    from .pages import forget_locales

    for signal in (post_save, post_delete):
        signal.connect(forget_locales, sender=Locale, dispatch_uid=f"headless-locales-{signal}")
