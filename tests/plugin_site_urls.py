"""A host site's URLs: Wagtail's v3 API with the articles router added, the apps' own
URLs, and Wagtail serving every other path as a page."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api

from articles.api import router as articles_router

api.add_router("/articles/", articles_router)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v3/", api.urls),
    path("theme/", include("home.urls")),
    path("", include("articles.urls")),
    path("", include(wagtail_urls)),
]
