"""The headless API: Wagtail's v2 endpoints for existing clients, and Wagtail's v3 (Django
Ninja) API to which every app's router is added, so one OpenAPI document covers all."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v3.urls import api as v3
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from articles.api import router as articles_router
from articles.ratings_api import router as ratings_router
from headless import conventions, openapi, page_actions, routes_api
from headless.api import router as preview_router
from headless.problems import install_handlers
from headless.routes_api import PagesInAnyLanguageAPIViewSet
from home.api import router as theme_router
from widgets.api import budget, ingest, readings, stations, stats, visitor, weather

v2_router = WagtailAPIRouter("wagtailapi")
v2_router.register_endpoint("pages", PagesInAnyLanguageAPIViewSet)
v2_router.register_endpoint("images", ImagesAPIViewSet)
v2_router.register_endpoint("documents", DocumentsAPIViewSet)

# ASCII, so that client generators derive a readable package name (cong_thong_tin_api_client).
v3.title = "Cong thong tin API"
v3.description = (
    "Cổng thông tin: pages, news, monitoring data, weather, budget disclosures, visitor "
    "statistics, ratings and theme tokens of the portal. Errors are application/problem+json."
)
install_handlers(v3)
_generate_openapi = v3.get_openapi_schema


def _complete_openapi(*, path_prefix=None, path_params=None):
    """The generated document with every error answer, cap and anonymous access stated."""
    return openapi.complete(_generate_openapi(path_prefix=path_prefix, path_params=path_params))


v3.get_openapi_schema = _complete_openapi
v3.add_router("/preview/", preview_router)
v3.add_router("/articles/", articles_router)
v3.add_router("/articles/", ratings_router)
v3.add_router("/stations/readings/", ingest.router)
v3.add_router("/stations/", stations.router)
v3.add_router("/stations/", readings.router)
v3.add_router("/weather/", weather.router)
v3.add_router("/budget/", budget.router)
v3.add_router("/stats/", stats.router)
v3.add_router("/visitor/", visitor.router)
v3.add_router("/theme/", theme_router)
routes_api.install(v3)
page_actions.install()
conventions.install(
    v3, articles_router, stations.router, readings.router, weather.router, budget.router,
    stats.router,
)  # fmt: skip

__all__ = ["v2_router", "v3"]
