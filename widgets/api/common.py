"""What every widgets endpoint shares: the ``locale`` parameter and JSON-only bodies."""

from contextlib import contextmanager
from functools import wraps
from typing import Annotated, Literal

from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field
from ninja.errors import HttpError

LocaleParam = Annotated[
    Literal["vi", "en"] | None,
    Field(None, description="Language of names and texts; default: the request's language."),
]


@contextmanager
def localized(locale):
    """Texts in ``locale`` (or the request's language); yields the language code used."""
    with translation.override(locale or translation.get_language() or "vi"):
        yield translation.get_language()


def json_body_only(view):
    """415 for a body that is not sent as application/json (Ninja would parse it anyway)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        content_type = request.content_type or ""
        if content_type != "application/json" and not content_type.endswith("+json"):
            raise HttpError(415, _("Send the body as application/json."))
        return view(request, *args, **kwargs)

    return wrapper
