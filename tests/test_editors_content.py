"""Issue 11, editors' content as readers and API clients get it: article tables, categories
and alt text in the page's language, the site menu, plain content pages, English headings."""

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, TranslationSource

from articles.blocks import DataTableBlock
from articles.models import Category, GalleryImage, GalleryPage, Slide
from demo.translation import translate_page
from home.models import ContentPage, HomePage
from tests.factories_articles import (
    make_article,
    make_category,
    make_image,
    make_site,
    make_slideshow,
    publish,
)

TABLE = {
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "table_caption": "",
    "data": [
        ["Hạng mục", "Kế hoạch", "Thực hiện"],
        ["Thu ngân sách", "100", "73"],
        ["Chi đầu tư", "80", "63"],
    ],
}


@pytest.fixture
def site(db):
    site = make_site()
    site["en_home"] = translate_page(site["home"], "en", {"Trang chủ": "Home"})
    site["en_news"] = translate_page(site["news"], "en", {"Tin tức": "News", "tin-tuc": "news"})
    return site


def table_article(site, **fields):
    body = [("table", {"caption": "Kết quả thu chi 9 tháng", "table": dict(TABLE)})]
    return make_article(site["news"], "Thu chi ngân sách", body=body, slug="thu-chi", **fields)


# Tables ----------------------------------------------------------------------------------


def test_an_article_table_is_a_real_accessible_table_not_a_python_dict(site, client):
    article = table_article(site)
    html = client.get(article.url).content.decode()
    assert "{'data'" not in html and "first_row_is_table_header" not in html
    assert "<caption>Kết quả thu chi 9 tháng</caption>" in html
    assert '<th scope="col">Hạng mục</th>' in html
    assert '<th scope="col">Thực hiện</th>' in html
    assert '<th scope="row">Thu ngân sách</th><td>100</td><td>73</td>' in html


def test_a_table_without_headers_has_only_data_cells(site, client):
    table = dict(TABLE, first_row_is_table_header=False, first_col_is_header=False)
    body = [("table", {"caption": "", "table": table})]
    article = make_article(site["news"], "Bảng", body=body, slug="bang")
    html = client.get(article.url).content.decode()
    assert "<th" not in html.split('class="block-table"')[1].split("</table>")[0]
    assert "<td>Hạng mục</td>" in html


def test_the_editor_s_header_choice_wins_and_the_table_s_own_caption_is_used(site, client):
    table = dict(TABLE, table_header_choice="column", table_caption="Đơn vị: tỷ đồng")
    body = [("table", {"caption": "", "table": table})]
    article = make_article(site["news"], "Bảng cột", body=body, slug="bang-cot")
    html = client.get(article.url).content.decode()
    assert "<caption>Đơn vị: tỷ đồng</caption>" in html
    assert '<th scope="row">Hạng mục</th>' in html and 'scope="col"' not in html


def test_the_two_caption_fields_have_distinct_labels_in_vietnamese():
    block = DataTableBlock()
    with translation.override("vi"):
        ours = str(block.child_blocks["caption"].label)
        # The table editor's own fields: its caption and its header choice.
        theirs = {translation.gettext("Table caption"), translation.gettext("Table headers")}
    assert ours not in theirs
    assert "Chú thích bảng" in theirs


def test_table_cells_are_translatable_segments_and_reach_the_english_page(site, client):
    article = table_article(site)
    source, _ = TranslationSource.get_or_create_from_instance(article)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert {"Hạng mục", "Thu ngân sách", "Chi đầu tư"} <= strings
    assert "73" not in strings  # a whole number reads the same in English
    english = translate_page(
        article,
        "en",
        {
            "Thu chi ngân sách": "Budget revenue and spending",
            "Kết quả thu chi 9 tháng": "Nine-month results",
            "Hạng mục": "Item",
            "Thu ngân sách": "Budget revenue",
            "Chi đầu tư": "Investment spending",
        },
    )
    html = client.get(english.url).content.decode()
    assert "<caption>Nine-month results</caption>" in html
    assert '<th scope="col">Item</th>' in html
    assert '<th scope="row">Budget revenue</th><td>100</td>' in html
    assert "Hạng mục" not in html


# Categories in the API ---------------------------------------------------------------------


def test_the_page_apis_give_the_english_category_names_for_an_english_article(site, client):
    reform = make_category("Cải cách hành chính", "cai-cach-hanh-chinh")
    english = reform.copy_for_translation(site["en_home"].locale)
    english.name, english.slug = "Administrative reform", "administrative-reform"
    english.save()
    article = make_article(site["news"], "Cải cách", categories=[reform], slug="cai-cach")
    en_article = translate_page(article, "en", {"Cải cách": "Reform"})
    for url in (f"/api/v2/pages/{en_article.pk}/", f"/api/v3/pages/{en_article.pk}/"):
        data = client.get(url).json()
        assert data["category_list"] == [
            {"name": "Administrative reform", "slug": "administrative-reform"}
        ], url
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert data["category_list"][0]["name"] == "Cải cách hành chính"
    assert Category.objects.count() == 2


# Alt text ----------------------------------------------------------------------------------


def test_english_pages_use_english_alt_text_or_mark_the_vietnamese(site, client):
    translated = make_image("Sông Tiền", "Dòng sông Tiền lúc hoàng hôn")
    translated.alt_text_en = "The Tien River at sunset"
    translated.save()
    untranslated = make_image("Chợ nổi", "Chợ nổi Cái Bè buổi sáng")
    body = [
        ("image", {"image": translated, "caption": "Một"}),
        ("image", {"image": untranslated, "caption": "Hai"}),
    ]
    article = make_article(site["news"], "Ảnh", body=body, slug="anh")
    english = translate_page(article, "en", {"Ảnh": "Photos"})
    html = client.get(english.url).content.decode()
    assert 'alt="The Tien River at sunset"' in html
    assert 'lang="en"' in _img_tag(html, "The Tien River at sunset")
    tag = _img_tag(html, "Chợ nổi Cái Bè buổi sáng")
    assert 'lang="vi"' in tag  # Vietnamese text is never labelled English
    vi_html = client.get(article.url).content.decode()
    assert 'alt="Dòng sông Tiền lúc hoàng hôn"' in vi_html


def _img_tag(html, alt):
    at = html.index(f'alt="{alt}"')
    return html[html.rindex("<img", 0, at) : html.index(">", at) + 1]


def gallery_with(site, photos):
    gallery = GalleryPage(title="Hoạt động", slug="hoat-dong")
    gallery.gallery_images = photos
    return publish(site["galleries"], gallery)


def test_gallery_photos_use_the_image_library_alt_text_by_default(site, client):
    image = make_image("Sông Tiền", "Dòng sông Tiền lúc hoàng hôn")
    image.alt_text_en = "The Tien River at sunset"
    image.save()
    own = make_image("Hội nghị", "Hội nghị tỉnh")
    gallery = gallery_with(
        site,
        [
            GalleryImage(image=image, caption="Sông"),
            GalleryImage(image=own, alt_text="Đại biểu dự hội nghị", caption="Họp"),
        ],
    )
    html = client.get(gallery.url).content.decode()
    assert 'alt="Dòng sông Tiền lúc hoàng hôn"' in html
    assert 'alt="Đại biểu dự hội nghị"' in html

    translate_page(site["galleries"], "en", {"Hình hoạt động": "Activity photos"})
    english = translate_page(
        gallery, "en", {"Hoạt động": "Activities", "Đại biểu dự hội nghị": "Delegates"}
    )
    html = client.get(english.url).content.decode()
    assert 'lang="en"' in _img_tag(html, "The Tien River at sunset")
    assert 'lang="en"' in _img_tag(html, "Delegates")
    photos = client.get(f"/api/v2/pages/{english.pk}/").json()["gallery_images"]
    assert [(p["alt"], p["alt_lang"]) for p in photos] == [
        ("The Tien River at sunset", "en"),
        ("Delegates", "en"),
    ]
    first = photos[0]["image"]  # the image itself, as every response gives images
    assert (first["alt"], first["lang"]) == ("The Tien River at sunset", "en")
    v3 = client.get(f"/api/v3/pages/{english.pk}/").json()["gallery_images"]
    assert (v3[0]["alt"], v3[0]["image"]["lang"]) == ("The Tien River at sunset", "en")
    image.alt_text_en = ""
    image.save()
    cache.clear()
    photos = client.get(f"/api/v2/pages/{english.pk}/").json()["gallery_images"]
    assert (photos[0]["alt"], photos[0]["alt_lang"]) == ("Dòng sông Tiền lúc hoàng hôn", "vi")


def test_a_gallery_photo_needs_alt_text_only_when_the_library_has_none(site):
    from django.core.exceptions import ValidationError

    gallery = gallery_with(site, [GalleryImage(image=make_image(), caption="Một")])
    described = GalleryImage(page=gallery, image=make_image("Có mô tả"))
    described.full_clean(exclude=["locale", "translation_key"])
    bare = GalleryImage(page=gallery, image=make_image("Không mô tả", alt=""))
    with pytest.raises(ValidationError) as error:
        bare.full_clean(exclude=["locale", "translation_key"])
    assert "alt_text" in error.value.message_dict


# Menu ----------------------------------------------------------------------------------------


def menu(client, path="/"):
    html = client.get(path).content.decode()
    nav = html.split('class="primary-nav"')[1].split("</nav>")[0]
    return [part.split(">", 1)[1].split("<", 1)[0] for part in nav.split("<a ")[1:]]


def test_the_menu_shows_only_pages_ticked_for_menus_in_menu_order(site, client):
    for key in ("galleries", "news"):
        page = site[key]
        page.show_in_menus = True
        page.save_revision().publish()
    about = publish(site["home"], ContentPage(title="Giới thiệu", slug="gioi-thieu"))
    assert menu(client) == ["Trang chủ", "Tin tức", "Hình hoạt động"]  # videos not ticked
    about.show_in_menus = True
    about.save_revision().publish()
    about.move(site["news"], pos="left")
    assert menu(client) == ["Trang chủ", "Giới thiệu", "Tin tức", "Hình hoạt động"]


# English headings ------------------------------------------------------------------------------


def test_the_english_home_page_shows_the_english_slideshow_heading(site, client):
    slideshow = make_slideshow(site["home"], [Slide(image=make_image(), title="Ảnh 1")])
    slideshow.title = "Slideshow trang chủ"
    slideshow.save_revision().publish()
    translate_page(slideshow, "en", {"Slideshow trang chủ": "Home slideshow"})
    home = site["home"]
    home.body = [("slideshow", {"heading": "", "slideshow": slideshow})]
    home.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(home)  # sync the English home
    for target in source.translations.all():
        target.save_target(publish=True)
    html = client.get("/en/").content.decode()
    assert "Home slideshow" in html
    assert "Slideshow trang chủ" not in html and "SLIDESHOW TRANG CHỦ" not in html


# Content pages ------------------------------------------------------------------------------


class TestContentPage(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site()

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})
        self.assertCanCreateAt(HomePage, ContentPage)

    def test_an_editor_creates_a_contact_page_and_it_renders_in_the_site_frame(self):
        data = nested_form_data(
            {
                "title": "Liên hệ",
                "slug": "lien-he",
                "intro": "Mọi góp ý xin gửi về Văn phòng.",
                "body": streamfield([("paragraph", rich_text("<p>Điện thoại: 0273 3872 466</p>"))]),
                "show_site_map": "",
            }
        )
        self.assertCanCreate(self.tree["home"], ContentPage, data)
        page = ContentPage.objects.get(slug="lien-he")
        self.assertPageIsRenderable(page)
        html = self.client.get(page.url).content.decode()
        assert "<h1>Liên hệ</h1>" in html and "0273 3872 466" in html
        assert 'class="primary-nav"' in html  # the site frame
        assert "/lien-he/" in [p.url for p in Page.objects.live().search("Liên hệ")]

    def test_a_site_map_page_lists_the_site_s_sections(self):
        about = publish(self.tree["home"], ContentPage(title="Giới thiệu", slug="gioi-thieu"))
        publish(about, ContentPage(title="Lịch sử", slug="lich-su"))
        site_map = publish(
            self.tree["home"],
            ContentPage(title="Sơ đồ cổng", slug="so-do-cong", show_site_map=True),
        )
        html = self.client.get(site_map.url).content.decode()
        nav = html.split('class="site-map"')[1].split("</nav>")[0]
        for title in ("Tin tức", "Hình hoạt động", "Giới thiệu", "Lịch sử"):
            assert f">{title}</a>" in nav
        api = self.client.get(f"/api/v2/pages/{site_map.pk}/").json()
        about_entry = next(e for e in api["site_map"] if e["title"] == "Giới thiệu")
        assert about_entry["children"][0]["title"] == "Lịch sử"
        v3 = self.client.get(f"/api/v3/pages/{site_map.pk}/").json()
        assert v3["site_map"] == api["site_map"]
        assert ContentPage.objects.get(slug="gioi-thieu").site_map == []
