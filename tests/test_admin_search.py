"""The admin's search boxes find Vietnamese without accents, as the public search does: an
officer typing "khoi cong" finds the page, image, document and category "Khởi công…", on
SQLite and PostgreSQL (the suite runs on both)."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .factories_articles import make_article, make_category, make_image, make_site


@pytest.fixture
def content(db):
    tree = make_site()
    document = get_document_model()(title="Quyết định khởi công dự án đường tỉnh")
    document.file.save("quyet-dinh.txt", ContentFile(b"noi dung"), save=False)
    document.save()
    return {
        "page": make_article(tree["news"], "Khởi công xây dựng cầu Rạch Miễu 2"),
        "other_page": make_article(tree["news"], "Công bố quy hoạch tỉnh"),
        "image": make_image(title="Lễ khởi công cầu"),
        "other_image": make_image(title="Cánh đồng lúa"),
        "document": document,
        "category": make_category("Khởi công dự án", "khoi-cong"),
        "other_category": make_category("Y tế", "y-te"),
    }


LISTINGS = {
    "page": ("/admin/pages/search/", r"/admin/pages/(\d+)/edit/"),
    "image": ("/admin/images/", r"/admin/images/(\d+)/"),
    "document": ("/admin/documents/", r"/admin/documents/edit/(\d+)/"),
    "category": ("/admin/snippets/articles/category/", r"/category/edit/(\d+)/"),
}


def _found(admin_client, kind, query):
    path, link = LISTINGS[kind]
    response = admin_client.get(path, {"q": query})
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(link, response.content.decode())}


@pytest.mark.parametrize("kind", sorted(LISTINGS))
@pytest.mark.parametrize("query", ["khoi cong", "KHOI CONG", "khởi công", "Khoi công", "khoi"])
def test_admin_search_finds_vietnamese_without_accents(admin_client, content, kind, query):
    found = _found(admin_client, kind, query)
    assert content[kind].pk in found
    other = content.get(f"other_{kind}")
    if other is not None:
        assert other.pk not in found


def test_d_with_stroke_is_found_as_d(admin_client, content):
    assert content["document"].pk in _found(admin_client, "document", "duong tinh")
    assert content["document"].pk in _found(admin_client, "document", "Đường tỉnh")


def test_autocomplete_finds_the_start_of_a_word_without_accents(admin_client, content):
    """The admin searches as an officer types: "khoi co" already finds "Khởi công"."""
    assert content["page"].pk in _found(admin_client, "page", "khoi co")
    assert content["image"].pk in _found(admin_client, "image", "le khoi co")


def test_a_rebuilt_index_still_finds_without_accents(admin_client, content):
    """``manage.py update_index`` (after an upgrade) writes the folded index again."""
    call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for kind in LISTINGS:
        assert content[kind].pk in _found(admin_client, kind, "khoi cong"), kind


def test_an_edited_title_is_found_by_its_new_words(admin_client, content):
    image = get_image_model().objects.get(pk=content["image"].pk)
    image.title = "Nghiệm thu cầu Rạch Miễu"
    image.save()
    assert image.pk in _found(admin_client, "image", "nghiem thu")
    assert image.pk not in _found(admin_client, "image", "khoi cong")


def test_station_snippets_are_found_without_accents(admin_client, db):
    from widgets.monitoring.models import Station

    wanted = Station.objects.create(code="TG-VK", name_vi="Vàm Kênh", name_en="River mouth")
    other = Station.objects.create(code="TG-LH", name_vi="Lộc Thuận", name_en="Inland")
    response = admin_client.get("/admin/snippets/widgets/station/", {"q": "vam kenh"})
    assert response.status_code == 200
    found = {int(pk) for pk in re.findall(r"/station/edit/(\d+)/", response.content.decode())}
    assert wanted.pk in found
    assert other.pk not in found
