"""Routes of the headless toolkit itself: draft preview by signed token."""

from django.http import Http404
from ninja import Query, Router, Schema
from wagtail.api.v3.routers.pages import PageDetailSchema

from . import preview

router = Router(tags=["preview"])


class PreviewQuery(Schema):
    token: str


@router.get(
    "/",
    response=PageDetailSchema,
    url_name="headless_preview",
    summary="A page's draft, for a short-lived signed preview token",
)
def page_preview(request, params: Query[PreviewQuery]):
    try:
        return preview.revision_object(params.token)
    except preview.InvalidToken as exc:
        raise Http404(str(exc)) from None
