import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    GalleryIndexPage,
    SlideshowPage,
    VideoIndexPage,
)
from home.models import ContentPage, HomePage
from widgets.models import BudgetIndexPage


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_and_holds_indexes(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ArticleIndexPage,
                GalleryIndexPage,
                VideoIndexPage,
                SlideshowPage,
                BudgetIndexPage,
                ContentPage,
            },
        )

    def test_articles_live_under_an_article_index(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())


@pytest.mark.django_db
def test_a_language_has_only_one_home_page(demo):
    vi = Locale.objects.get(language_code="vi")
    second = HomePage(title="Trang chủ 2", slug="trang-chu-2", locale=vi)
    with pytest.raises(ValidationError, match="Ngôn ngữ này đã có trang chủ"):
        second.full_clean()
