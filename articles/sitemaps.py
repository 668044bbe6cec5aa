"""sitemap.xml listing every live page of the site in every language."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap covers the default site's root only; this adds its translations."""

    def items(self):
        root = self.get_wagtail_site().root_page
        within = Q()
        for page in [root, *root.get_translations()]:
            within |= Q(path__startswith=page.path)
        return (
            Page.objects.filter(within)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
