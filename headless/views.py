"""Admin view: a headless preview link for the latest revision of a page."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from . import preview
from .conf import app_settings


def preview_link(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.get_latest_revision() or page.save_revision(user=request.user)
    token = preview.make_token(revision)
    frontend = app_settings.PORTAL_HEADLESS_PREVIEW_URL
    api_url = (
        request.build_absolute_uri(reverse("wagtailapi_v3:headless_preview"))
        + "?"
        + urlencode({"token": token})
    )
    return TemplateResponse(
        request,
        "headless/preview_link.html",
        {
            "page": page,
            "api_url": api_url,
            "frontend_url": f"{frontend}?{urlencode({'token': token})}" if frontend else "",
            "minutes": preview.max_age() // 60,
        },
    )
