"""What a frontend's router calls for each path a reader opens: /api/v3/routes/?html_path=…
answers the page (in whichever language the path is in) or the editors' redirect; and
Wagtail's own find-by-path (v3 ``pages/find/``, v2 ``pages/find/``) made to resolve every
language the same way (see ``headless.routing``)."""

from functools import wraps
from typing import Annotated, Literal

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.validators import SiteFilterValidator

from .conventions import forbid_unknown_query
from .problems import problem
from .routing import find_redirect, redirect_data, route_page

router = Router(tags=["pages"])


class RoutePage(Schema):
    id: int
    type: str = Field(
        description="the page type as app_label.ModelName, as in the pages API's meta.type"
    )
    title: str
    locale: str
    html_url: str | None
    detail_url: str = Field(description="the page's detail in this API")


class RouteRedirect(Schema):
    id: int
    old_path: str
    location: str = Field(description="where to send the reader (a path or a full URL)")
    permanent: bool
    status_code: Literal[301, 302] = Field(description="the HTTP status to answer the reader")
    page_id: int | None = Field(description="the target page, when the redirect names one")


class Route(Schema):
    html_path: str
    kind: Literal["page", "redirect"]
    page: RoutePage | None
    redirect: RouteRedirect | None


class RouteQuery(Schema):
    html_path: Annotated[
        str,
        Field(
            min_length=1,
            max_length=2000,
            pattern=r"^/[^\x00]*$",
            description="the path the reader opened, with its language prefix: /en/news/",
        ),
    ]
    site: Annotated[
        str | None,
        Field(None, max_length=255, description="hostname[:port]; default: this host's site"),
    ]


def _site(request, site):
    try:
        found = SiteFilterValidator(site=site, request=request).site_obj
    except ValueError as exc:
        raise HttpError(400, str(exc)) from None
    if found is None:
        raise Http404("No site is configured.")
    return found


def public_page_at(request, html_path, site):
    page = route_page(request, html_path, site)
    if page is None or not get_pages_queryset(request).filter(pk=page.pk).exists():
        return None
    return page


def _page_data(request, page):
    detail = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label,
        "title": page.title,
        "locale": page.locale.language_code,
        "html_url": page.get_full_url(request=request),
        "detail_url": get_full_url(request, detail),
    }


@router.get(
    "/",
    response=Route,
    summary="What is at a path: a page (any language) or an editor's redirect",
    description=(
        "For a frontend's router: send the path the reader opened (`/tin-tuc/`, "
        "`/en/news/`, an old address). `kind` is `page` (its id, type, locale and detail "
        "URL) or `redirect` (answer the reader with `status_code` and `location`). "
        "Nothing there is a 404 problem."
    ),
)
def find_route(request, params: Query[RouteQuery]):
    site = _site(request, params.site)
    page = public_page_at(request, params.html_path, site)
    if page is not None:
        return {
            "html_path": params.html_path,
            "kind": "page",
            "page": _page_data(request, page),
            "redirect": None,
        }
    found = find_redirect(request, params.html_path, site)
    if found is not None:
        return {
            "html_path": params.html_path,
            "kind": "redirect",
            "page": None,
            "redirect": redirect_data(found),
        }
    raise Http404("Nothing is published at this path.")


def _find_in_any_language(original):
    """Wrap Wagtail v3's ``pages/find/`` view: ``html_path`` is routed in its language; a path
    that is an editor's redirect is a 404 problem whose ``redirect`` names the target."""

    @wraps(original)
    def find_page(request, id=None, html_path=None, site=None, version="live"):  # noqa: A002
        if html_path and "\x00" in html_path:
            raise Http404("No page has this path.")
        if html_path:
            site_obj = _site(request, site)
            page = public_page_at(request, html_path, site_obj)
            if page is not None:
                url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
                query = request.GET.copy()
                query.pop("id", None)
                query.pop("html_path", None)
                return redirect(f"{url}?{query.urlencode()}")
            found = None if id else find_redirect(request, html_path, site_obj)
            if found is not None:
                return problem(
                    404,
                    f"{html_path} is a redirect to {found.link}; see /api/v3/routes/.",
                    redirect=redirect_data(found),
                )
        return original(request, id=id, html_path=html_path, site=site, version=version)

    return find_page


def install(api):
    """Mount /routes/ and make Wagtail's v3 ``pages/find/`` resolve every language."""
    from wagtail.api.v3.routers.pages import router as pages_router

    for operation in pages_router.path_operations["/find/"].operations:
        if not getattr(operation.view_func, "_any_language", False):
            operation.view_func = _find_in_any_language(operation.view_func)
            operation.view_func._any_language = True
    forbid_unknown_query(router)
    api.add_router("/routes/", router)
    return api


class PagesInAnyLanguageAPIViewSet(PagesAPIViewSet):
    """Wagtail v2 pages whose ``find/?html_path=`` resolves ``/en/…`` as the site does."""

    def find_object(self, queryset, request):
        if "\x00" in request.GET.get("html_path", ""):
            raise Http404("No page has this path.")
        if "html_path" in request.GET:
            try:
                site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
            except (ValueError, Http404):
                site = None
            if site is not None:
                page = route_page(request, request.GET["html_path"], site)
                if page is not None and queryset.filter(pk=page.pk).exists():
                    return page
        return super().find_object(queryset, request)
