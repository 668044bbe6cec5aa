"""Short-lived signed preview tokens: the only way a headless frontend sees a draft.

A token names one page and one revision and expires after PORTAL_PREVIEW_TOKEN_MAX_AGE
seconds; it is made in the admin by a user who may edit the page."""

from django.core import signing

from .conf import app_settings

SALT = "headless.preview"


def max_age():
    return int(app_settings.PORTAL_PREVIEW_TOKEN_MAX_AGE)


def make_token(revision):
    return signing.dumps({"page": revision.object_id, "revision": revision.pk}, salt=SALT)


class InvalidToken(Exception):
    pass


def read_token(token):
    """Return (page_id, revision_id); raise InvalidToken if forged, altered or expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired:
        raise InvalidToken("This preview link has expired.") from None
    except signing.BadSignature:
        raise InvalidToken("This preview link is not valid.") from None
    return int(data["page"]), int(data["revision"])


def revision_object(token):
    from wagtail.models import Revision

    page_id, revision_id = read_token(token)
    try:
        revision = Revision.page_revisions.get(pk=revision_id, object_id=str(page_id))
    except Revision.DoesNotExist:
        raise InvalidToken("This preview link is not valid.") from None
    return revision.as_object()
