from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from articles.sitemaps import MultilingualSitemap
from cms.api import v2_router, v3
from cms.health import healthz
from home.favicon import favicon

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", v2_router.urls),
    path("api/v3/", v3.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("i18n/", include("django.conf.urls.i18n")),
    path("theme/", include("home.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Vietnamese at the root, English under /en/; Wagtail serves every other path as a page.
urlpatterns += i18n_patterns(
    path("", include("articles.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "cms.health.server_error"
