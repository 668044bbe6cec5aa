"""The headless API: Wagtail's v2 endpoints for existing clients, and Wagtail's v3 (Django
Ninja) API to which the project's own routers are added, so one OpenAPI document covers all."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as v3_api
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

v2_router = WagtailAPIRouter("wagtailapi")
v2_router.register_endpoint("pages", PagesAPIViewSet)
v2_router.register_endpoint("images", ImagesAPIViewSet)
v2_router.register_endpoint("documents", DocumentsAPIViewSet)

v3 = v3_api
