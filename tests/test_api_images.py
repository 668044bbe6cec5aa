"""One image shape in every response a frontend reads: the article listing, a page's detail,
a widget teaser on the home page and Wagtail's /api/v3/images/ give the same id, alt text (in
the response's language, with the language it is in), size and absolute rendition URLs."""

import datetime

import pytest
from wagtail.models import Locale

from articles.models import GalleryPage
from tests.factories_articles import make_article, make_image, make_site, publish

SHAPE = ("id", "title", "alt", "lang", "decorative", "width", "height", "renditions", "srcset")


@pytest.fixture
def site(db):
    site = make_site()
    image = make_image(title="Chợ nổi Cái Bè", alt="Ghe chở trái cây trên sông")
    image.alt_text_en = "Boats laden with fruit on the river"
    image.save()
    site["image"] = image
    site["article"] = make_article(
        site["news"], "Chợ nổi", date=datetime.date(2021, 10, 12), hero_image=image
    )
    site["gallery"] = publish(
        site["galleries"],
        GalleryPage(title="Hoạt động tháng 10", slug="thang-10", cover_image=image),
    )
    site["home"].body = [
        ("gallery_teaser", {"heading": "", "pages": [site["gallery"]], "more": None})
    ]
    site["home"].save_revision().publish()
    return site


def in_listing(client, **query):
    return client.get("/api/v3/articles/", query).json()["items"][0]["hero_image"]


def in_detail(client, page):
    return client.get(f"/api/v3/pages/{page.pk}/").json()["hero_image"]


def in_teaser(client, home):
    body = client.get(f"/api/v3/pages/{home.pk}/").json()["body"]
    teaser = next(block for block in body if block["type"] == "gallery_teaser")
    return teaser["value"]["pages"][0]["image"]


def in_images_endpoint(client, image, **headers):
    data = client.get(f"/api/v3/images/{image.pk}/", **headers).json()
    return {name: data[name] for name in SHAPE}


def test_the_image_has_one_shape_in_listing_detail_teaser_and_images_endpoint(site, client):
    shapes = [
        in_listing(client),
        in_detail(client, site["article"]),
        in_teaser(client, site["home"]),
        in_images_endpoint(client, site["image"]),
    ]
    assert shapes[0] == shapes[1] == shapes[2] == shapes[3]
    image = shapes[0]
    assert set(image) == set(SHAPE)
    assert image["id"] == site["image"].pk
    assert (image["alt"], image["lang"]) == ("Ghe chở trái cây trên sông", "vi")
    assert (image["width"], image["height"]) == (64, 48)
    assert [r["filter"] for r in image["renditions"]] == ["width-400", "width-800", "width-1600"]
    for rendition in image["renditions"]:
        assert rendition["url"].startswith("http://testserver/media/")
        assert rendition["width"] <= 64  # never wider than the original
    first = image["renditions"][0]
    assert image["srcset"].startswith(f"{first['url']} {first['width']}w, ")


def test_the_teaser_embeds_the_image_instead_of_a_bare_id(site, client):
    teaser = client.get(f"/api/v3/pages/{site['home'].pk}/").json()["body"][0]["value"]
    page = teaser["pages"][0]
    assert "image_id" not in page
    assert page["image"]["id"] == site["image"].pk


def test_english_responses_give_the_english_alt_text_marked_english(site, client):
    english = site["article"].copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title, english.slug = "Floating market", "floating-market"
    english.save_revision().publish()
    english.refresh_from_db()
    listed = in_listing(client, locale="en")
    detailed = in_detail(client, english)
    library = in_images_endpoint(client, site["image"], HTTP_ACCEPT_LANGUAGE="en")
    for shape in (listed, detailed, library):
        assert (shape["alt"], shape["lang"]) == ("Boats laden with fruit on the river", "en")
    assert listed == detailed == library


def test_without_an_english_alt_text_english_responses_mark_the_vietnamese(site, client):
    site["image"].alt_text_en = ""
    site["image"].save()
    shape = in_images_endpoint(client, site["image"], HTTP_ACCEPT_LANGUAGE="en")
    assert (shape["alt"], shape["lang"]) == ("Ghe chở trái cây trên sông", "vi")


def test_a_decorative_image_has_empty_alt_everywhere(site, client):
    site["image"].decorative = True
    site["image"].save()
    for shape in (in_listing(client), in_detail(client, site["article"])):
        assert shape["alt"] == ""
        assert shape["decorative"] is True


def test_the_openapi_document_types_every_image_with_the_one_schema(db, client):
    document = client.get("/api/v3/openapi.json").json()
    schemas = document["components"]["schemas"]
    shape = schemas["ImageWithRenditions"]
    assert set(shape["properties"]) == set(SHAPE)
    teaser = schemas["PageTeaserData"]["properties"]["image"]
    assert "ImageWithRenditions" in str(teaser)
    listing = schemas["ArticleListItem"]["properties"]["hero_image"]
    assert "ImageWithRenditions" in str(listing)
