"""Photo galleries and slideshows: tree, admin creation, alt-text rules, rendering."""

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from articles.models import GalleryImage, GalleryIndexPage, GalleryPage, Slide, SlideshowPage
from articles.teasers import GalleryTeaserBlock
from home.models import HomePage

from .factories_articles import make_image, make_site, make_slideshow, publish


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=("articles", model._meta.model_name, parent.pk))


class TestGallery(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site()
        cls.photo = make_image("Sông Tiền", "Dòng sông Tiền lúc hoàng hôn")
        cls.ornament = make_image("Hoa văn", "", decorative=True)

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(GalleryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GalleryIndexPage, {GalleryPage})
        self.assertAllowedParentPageTypes(GalleryPage, {GalleryIndexPage})
        self.assertAllowedSubpageTypes(GalleryPage, set())
        self.assertAllowedParentPageTypes(SlideshowPage, {HomePage})
        self.assertAllowedSubpageTypes(SlideshowPage, set())

    def _gallery_data(self, photos):
        return nested_form_data(
            {
                "title": "Hoạt động tháng 10",
                "slug": "hoat-dong-thang-10",
                "date": "2021-10-15",
                "intro": "Giới thiệu đã gõ",
                "cover_image": "",
                "gallery_images": inline_formset(photos, min=1),
            }
        )

    def test_an_editor_creates_a_gallery_with_ordered_captioned_photos(self):
        data = self._gallery_data(
            [
                {"image": self.photo.pk, "alt_text": "Sông Tiền", "caption": "Ảnh một"},
                {
                    "image": self.ornament.pk,
                    "alt_text": "",
                    "decorative": "on",
                    "caption": "Ảnh hai",
                },
            ]
        )
        self.assertCanCreate(self.tree["galleries"], GalleryPage, data)
        gallery = GalleryPage.objects.get(slug="hoat-dong-thang-10")
        assert [p.caption for p in gallery.photos()] == ["Ảnh một", "Ảnh hai"]
        assert gallery.cover == self.photo  # the first photo stands in for a missing cover

        html = self.client.get(gallery.url).content.decode()
        assert 'alt="Sông Tiền"' in html
        assert 'alt=""' in html  # the decorative photo is skipped by screen readers
        assert "<figcaption>Ảnh một</figcaption>" in html
        assert "15/10/2021" in html
        index_html = self.client.get(self.tree["galleries"].url).content.decode()
        assert "Hoạt động tháng 10" in index_html

    def test_a_photo_without_alt_text_is_refused_on_its_field_and_nothing_is_lost(self):
        # The image library has no alt text for this image either.
        bare = make_image("Ảnh chưa mô tả", "")
        data = self._gallery_data(
            [{"image": bare.pk, "alt_text": "", "caption": "Chú thích đã gõ"}]
        )
        response = self.client.post(add_url(GalleryPage, self.tree["galleries"]), data)
        assert response.status_code == 200
        formset = response.context["form"].formsets["gallery_images"]
        assert "alt_text" in formset.forms[0].errors
        assert "ảnh trang trí" in str(formset.forms[0].errors["alt_text"])  # admin speaks vi
        html = response.content.decode()
        assert "Chú thích đã gõ" in html
        assert "Giới thiệu đã gõ" in html
        assert not GalleryPage.objects.filter(slug="hoat-dong-thang-10").exists()

    def test_an_editor_creates_a_slideshow(self):
        slides = [
            {"image": self.photo.pk, "title": f"Slideshow Image {n}", "alt_text": "", "caption": ""}
            for n in (1, 2)
        ]
        slides[1]["link_url"] = "https://tiengiang.gov.vn/"
        data = nested_form_data(
            {
                "title": "Slideshow",
                "slug": "slideshow",
                "intro": "",
                "slides": inline_formset(slides, min=1),
            }
        )
        self.assertCanCreate(self.tree["home"], SlideshowPage, data)
        page = SlideshowPage.objects.get(slug="slideshow")
        assert [s.title for s in page.slides_for_display()] == [
            "Slideshow Image 1",
            "Slideshow Image 2",
        ]

    def test_a_slide_without_an_image_is_refused_on_its_field(self):
        data = nested_form_data(
            {
                "title": "Slideshow thiếu ảnh",
                "slug": "slideshow-thieu-anh",
                "slides": inline_formset(
                    [{"image": "", "title": "Slideshow Image 1", "caption": "Chú thích đã gõ"}],
                    min=1,
                ),
            }
        )
        response = self.client.post(add_url(SlideshowPage, self.tree["home"]), data)
        assert response.status_code == 200
        formset = response.context["form"].formsets["slides"]
        assert "image" in formset.forms[0].errors
        assert "Chú thích đã gõ" in response.content.decode()
        assert not SlideshowPage.objects.filter(slug="slideshow-thieu-anh").exists()

    def test_a_slide_links_to_a_page_or_a_url_not_both(self):
        data = nested_form_data(
            {
                "title": "Slideshow hai liên kết",
                "slug": "slideshow-hai-lien-ket",
                "slides": inline_formset(
                    [
                        {
                            "image": self.photo.pk,
                            "link_page": self.tree["news"].pk,
                            "link_url": "https://example.org/",
                        }
                    ],
                    min=1,
                ),
            }
        )
        response = self.client.post(add_url(SlideshowPage, self.tree["home"]), data)
        assert response.status_code == 200
        assert "link_url" in response.context["form"].formsets["slides"].forms[0].errors


class TestSlideshowRendering(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site()
        photo = make_image("Chợ quê", "Sạp trái cây ở chợ quê")
        cls.page = make_slideshow(
            cls.tree["home"],
            [
                Slide(
                    image=photo,
                    title=f"Slideshow Image {n}",
                    caption=f"Chú thích {n}",
                    link_page=cls.tree["news"] if n == 1 else None,
                )
                for n in range(1, 9)
            ],
        )

    def test_slides_render_in_order_as_figures_without_auto_advance(self):
        response = self.client.get(self.page.url)
        assert response.status_code == 200
        html = response.content.decode()
        positions = [html.index(f"Slideshow Image {n}<") for n in range(1, 9)]
        assert positions == sorted(positions)
        assert html.count("<figure>") == 8
        assert 'alt="Sạp trái cây ở chợ quê"' in html  # the image's own alt text
        assert 'href="#slide-8"' in html
        assert '<a href="/tin-tuc/">' in html
        slideshow = html[html.index('<section class="slideshow"') : html.index("</section>")]
        assert "<script" not in slideshow  # nothing moves on its own
        assert "autoplay" not in slideshow


def test_gallery_image_alt_rule_in_the_model(db):
    tree = make_site()
    gallery = publish(tree["galleries"], GalleryPage(title="G", slug="g"))
    item = GalleryImage(page=gallery, image=make_image(alt=""), alt_text="  ")
    try:
        item.full_clean(exclude=["locale", "translation_key"])
    except ValidationError as error:
        assert "alt_text" in error.message_dict
    else:
        raise AssertionError("an empty alt text must be refused")
    item.decorative = True
    item.full_clean(exclude=["locale", "translation_key"])


def test_a_slide_follows_the_same_alt_rule_as_a_gallery_photo(db):
    """Library alt by default, the editor's own words for this slide, or decorative: one rule
    (``images.alt``) for every image use."""
    tree = make_site()
    slideshow = make_slideshow(tree["home"], [Slide(image=make_image(alt="Cầu Rạch Miễu"))])
    slide = slideshow.slides.get()
    assert (slide.alt, slide.alt_lang) == ("Cầu Rạch Miễu", "vi")
    slide.alt_text = "Cầu Rạch Miễu lúc bình minh"
    assert slide.alt == "Cầu Rạch Miễu lúc bình minh"
    slide.decorative = True
    assert slide.alt == ""
    bare = Slide(page=slideshow, image=make_image(alt=""), alt_text=" ")
    with pytest.raises(ValidationError) as refused:
        bare.full_clean(exclude=["locale", "translation_key"])
    assert "alt_text" in refused.value.message_dict
    bare.decorative = True
    bare.full_clean(exclude=["locale", "translation_key"])


def test_the_gallery_teaser_refuses_a_repeat_and_shows_what_its_api_gives(db):
    tree = make_site()
    cover = make_image("Bìa", "Lễ hội đua ghe ngo")
    gallery = publish(
        tree["galleries"], GalleryPage(title="Lễ hội", slug="le-hoi", cover_image=cover)
    )
    block = GalleryTeaserBlock()
    twice = block.to_python({"heading": "", "pages": [gallery.pk, gallery.pk], "more": None})
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(twice)
    assert list(refused.value.block_errors) == ["pages"]

    value = block.to_python({"heading": "", "pages": [gallery.pk], "more": tree["galleries"].pk})
    context = {"request": RequestFactory().get("/")}
    with translation.override("en"):
        html = block.render(value, context)
        data = block.get_api_representation(value, context)
    assert data["heading"] == "Activity photos" and data["heading"] in html
    assert [page["title"] for page in data["pages"]] == ["Lễ hội"]
    assert data["pages"][0]["image"]["alt"] == "Lễ hội đua ghe ngo"
    # The picture sits inside the link the title names: decorative there, not read twice.
    assert 'alt=""' in html and 'alt="Lễ hội đua ghe ngo"' not in html
    assert data["more_url"] == tree["galleries"].url
    assert f'href="{data["more_url"]}"' in html
