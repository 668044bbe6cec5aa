"""Public URLs of the editorial app, mounted inside the project's i18n_patterns."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from .feeds import LatestArticlesFeed
from .views import rate_article, search

app_name = "articles"

urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), search, name="search"),
    path(pgettext_lazy("URL path", "news/rss.xml"), LatestArticlesFeed(), name="feed"),
    path(pgettext_lazy("URL path", "rate/<int:page_id>/"), rate_article, name="rate"),
]
