import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    GalleryIndexPage,
    GalleryPage,
    SlideshowPage,
    VideoIndexPage,
    VideoPage,
)
from home.models import HomePage

from .factories_articles import make_article, make_category, make_image, make_site, publish


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_holds_the_editorial_indexes_but_no_leaf_pages(self):
        allowed = set(HomePage.allowed_subpage_models())
        assert {ArticleIndexPage, GalleryIndexPage, VideoIndexPage, SlideshowPage} <= allowed
        assert not allowed & {ArticlePage, GalleryPage, VideoPage}
        for index in (ArticleIndexPage, GalleryIndexPage, VideoIndexPage, SlideshowPage):
            self.assertAllowedParentPageTypes(index, {HomePage})

    def test_articles_sit_under_the_news_index_only(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})

    def test_an_article_cannot_be_created_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticleIndexPage)


class TestArticleAdmin(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site()
        cls.image = make_image()
        cls.category = make_category("Cải cách hành chính", "cai-cach-hanh-chinh")
        cls.other = make_article(cls.tree["news"], "Bài liên quan", datetime.date(2021, 9, 1))
        cls.video = publish(
            cls.tree["videos"],
            VideoPage(title="Phóng sự", slug="phong-su", video_url="https://vimeo.com/1"),
        )

    def setUp(self):
        self.user = self.login()

    def test_an_editor_creates_an_article_with_every_kind_of_block(self):
        body = streamfield(
            [
                ("paragraph", rich_text("<p>Tỉnh đẩy mạnh cải cách hành chính.</p>")),
                ("image", {"image": self.image.pk, "caption": "Hội nghị"}),
                ("quote", {"quote": "Lấy người dân làm trung tâm.", "attribution": "UBND tỉnh"}),
                ("video", {"video_page": self.video.pk, "document": "", "caption": "Video"}),
            ]
        )
        data = nested_form_data(
            {
                "title": "Tiền Giang nâng cao chỉ số PAR INDEX",
                "slug": "nang-cao-par-index",
                "date": "2021-10-12",
                "summary": "Tóm tắt",
                "hero_image": self.image.pk,
                "body": body,
                "signature": "Văn phòng",
                "tags": "PAR INDEX, PAPI",
                "related_links": inline_formset([{"article": self.other.pk}]),
            }
        )
        data["categories"] = [self.category.pk]  # a multiple choice, not a nested list
        self.assertCanCreate(self.tree["news"], ArticlePage, data)
        article = ArticlePage.objects.get(slug="nang-cao-par-index")
        assert [block.block_type for block in article.body] == [
            "paragraph",
            "image",
            "quote",
            "video",
        ]
        assert list(article.categories.all()) == [self.category]
        assert sorted(article.tag_list) == ["PAPI", "PAR INDEX"]
        assert article.related_articles() == [self.other]

        html = self.client.get(article.url).content.decode()
        assert "Lấy người dân làm trung tâm." in html
        assert 'alt="Cánh đồng lúa xanh"' in html
        assert "<figcaption>Hội nghị</figcaption>" in html
        assert "Bài liên quan" in html
        assert "12/10/2021" in html

    def test_a_video_block_needs_a_video_and_the_error_sits_on_it(self):
        body = streamfield([("video", {"video_page": "", "document": "", "caption": "Không có"})])
        data = nested_form_data(
            {"title": "Thiếu video", "slug": "thieu-video", "date": "2021-10-12", "body": body}
        )
        url = reverse(
            "wagtailadmin_pages:add", args=("articles", "articlepage", self.tree["news"].pk)
        )
        response = self.client.post(url, data)
        assert response.status_code == 200
        errors = response.context["form"].errors["body"].as_data()[0]
        assert "video_page" in errors.block_errors[0].block_errors
        assert "Thiếu video" in response.content.decode()
        assert not ArticlePage.objects.filter(slug="thieu-video").exists()


@pytest.fixture
def news(db):
    tree = make_site()
    reform = make_category("Cải cách hành chính", "cai-cach-hanh-chinh")
    farming = make_category("Nông nghiệp", "nong-nghiep")
    index = tree["news"]
    for day in range(1, 13):
        make_article(
            index,
            f"Bài số {day:02d}",
            datetime.date(2021, 9, day),
            categories=[reform if day % 2 else farming],
        )
    return index


def _titles(response):
    return [article.title for article in response.context["articles"]]


def test_index_lists_newest_first_and_paginates(news, client, settings):
    settings.PORTAL_ITEMS_PER_PAGE = 5
    first = client.get(news.url)
    assert _titles(first) == [f"Bài số {d:02d}" for d in (12, 11, 10, 9, 8)]
    third = client.get(news.url, {"page": 3})
    assert _titles(third) == ["Bài số 02", "Bài số 01"]
    assert client.get(news.url, {"page": "abc"}).status_code == 200


def test_index_filters_by_category_and_date_range(news, client):
    response = client.get(
        news.url, {"category": "nong-nghiep", "date_from": "03/09/2021", "date_to": "2021-09-08"}
    )
    assert _titles(response) == ["Bài số 08", "Bài số 06", "Bài số 04"]
    html = response.content.decode()
    assert "Bài số 05" not in html


def test_pagination_keeps_the_filters(news, client, settings):
    settings.PORTAL_ITEMS_PER_PAGE = 2
    html = client.get(news.url, {"category": "nong-nghiep"}).content.decode()
    assert "?category=nong-nghiep&amp;page=2" in html


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "32/13/2021"},
        {"category": "khong-co"},
        {"date_from": "2021-09-10", "date_to": "2021-09-01"},
        {"page": "999"},
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(news, client, params):
    response = client.get(news.url, params)
    assert response.status_code == 200
    assert len(response.context["articles"]) > 0
    if "page" not in params:
        assert response.context["filter_form"].errors
        assert 'role="alert"' in response.content.decode()


def test_script_in_rich_text_never_reaches_the_page(news, client):
    article = make_article(
        news,
        "Bài có mã độc",
        body=[
            (
                "paragraph",
                '<p>Nội dung<script>alert("x")</script> <a href="javascript:alert(1)" '
                'onclick="steal()">liên kết</a><img src="x" onerror="alert(2)"></p>',
            )
        ],
    )
    html = client.get(article.url).content.decode()
    assert "Nội dung" in html
    assert "alert" not in html
    assert "<script>alert" not in html
    assert "onclick" not in html
    assert "javascript:" not in html


def test_drafts_do_not_leak_into_the_index(news, client):
    draft = ArticlePage(title="Bản nháp bí mật", date=datetime.date(2021, 12, 1))
    news.add_child(instance=draft)
    draft.save_revision()
    draft.unpublish() if draft.live else None
    assert "Bản nháp bí mật" not in client.get(news.url).content.decode()
    assert client.get("/tin-tuc/ban-nhap-bi-mat/").status_code == 404


def test_an_empty_index_says_no_articles_yet_without_a_filter(db, client):
    news = make_site()["news"]
    html = client.get(news.url).content.decode()
    with translation.override(news.locale.language_code):
        assert gettext("No articles yet.") in html
    assert gettext("No articles match this filter.") not in html
    assert "filter-status" not in html
