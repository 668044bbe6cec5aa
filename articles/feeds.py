"""RSS 2.0 feed of the newest articles in the reader's language."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from .models import ArticlePage

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    description = _("The newest articles of the provincial e-portal.")

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return Locale.objects.filter(language_code=get_language()).first()

    def title(self, locale):
        return str(_("News"))

    def link(self, locale):
        site = Site.find_for_request(self.request)
        root = site.root_page.localized if site else None
        return root.get_url(request=self.request) if root else "/"

    def items(self, locale):
        if locale is None:
            return ArticlePage.objects.none()
        return (
            ArticlePage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("-date", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        midnight = datetime.datetime.combine(item.date, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [category.name for category in item.localized_categories()]
