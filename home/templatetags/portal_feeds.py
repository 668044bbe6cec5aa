"""Feed autodiscovery links for the pages that list news (the home page, news indexes)."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from articles.models import ArticleIndexPage
from home.models import HomePage

register = template.Library()


@register.simple_tag
def feed_links(page):
    """The RSS feeds a reader of ``page`` can subscribe to, in the active language: the
    newest articles, on the home page and on every news index."""
    if page is None or not isinstance(page, HomePage | ArticleIndexPage):
        return []
    try:
        url = reverse("articles:feed")
    except NoReverseMatch:  # a site without the editorial URLs
        return []
    return [{"title": _("News"), "url": url}]
