"""Drafts, private pages and private collections never appear in any endpoint; a draft is
visible only through a short-lived signed preview token."""

import pytest
from django.core import signing
from django.test import override_settings
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from articles.models import ArticleIndexPage, ArticlePage
from headless import preview

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")

LISTINGS = ["/api/v3/pages/", "/api/v2/pages/", "/api/v3/pages/?search=BAN+NHAP"]


@pytest.fixture
def draft(demo):
    index = ArticleIndexPage.objects.get(locale__language_code="vi")
    page = ArticlePage(title="BAN NHAP chua duyet", slug="ban-nhap", live=False)
    index.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture
def private_page(demo):
    page = ArticlePage.objects.get(locale__language_code="vi", slug__startswith="day-manh")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    return page


def _all_ids(client, url):
    return [item["id"] for item in client.get(url).json()["items"]]


@pytest.mark.parametrize("url", LISTINGS)
def test_a_draft_is_in_no_listing(draft, client, url):
    assert draft.pk not in _all_ids(client, url)


@pytest.mark.parametrize("url", ["/api/v3/pages/{}/", "/api/v2/pages/{}/"])
def test_a_draft_has_no_detail(draft, client, url):
    assert client.get(url.format(draft.pk)).status_code == 404


@pytest.mark.parametrize("url", ["/api/v3/pages/", "/api/v2/pages/"])
def test_a_private_page_is_in_no_listing(private_page, client, url):
    assert private_page.pk not in _all_ids(client, url)
    assert client.get(f"{url}{private_page.pk}/").status_code == 404


def test_documents_and_images_in_a_private_collection_are_hidden(demo, client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    root = Collection.get_first_root_node()
    secret = root.add_child(name="Mật")
    CollectionViewRestriction.objects.create(
        collection=secret, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Tài liệu mật", collection=secret, file=ContentFile(b"x", name="mat.txt")
    )
    ids = [item["id"] for item in client.get("/api/v2/documents/").json()["items"]]
    assert document.pk not in ids
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404


def test_a_valid_token_shows_the_latest_draft(draft, client):
    draft.title = "Bản nháp đã sửa"
    revision = draft.save_revision()
    token = preview.make_token(revision)
    response = client.get("/api/v3/preview/", {"token": token})
    assert response.status_code == 200
    assert response.json()["title"] == "Bản nháp đã sửa"
    assert response["Cache-Control"] == "private, no-store"


def test_a_forged_token_is_refused(draft, client):
    forged = signing.dumps({"page": draft.pk, "revision": draft.latest_revision_id}, salt="other")
    response = client.get("/api/v3/preview/", {"token": forged})
    assert response.status_code == 404
    assert "not valid" in response.json()["detail"]


def test_an_expired_token_is_refused(draft, client):
    token = preview.make_token(draft.get_latest_revision())
    with override_settings(PORTAL_PREVIEW_TOKEN_MAX_AGE=-1):
        response = client.get("/api/v3/preview/", {"token": token})
    assert response.status_code == 404
    assert "expired" in response.json()["detail"]


def test_a_token_without_value_is_a_client_error(demo, client):
    assert client.get("/api/v3/preview/").status_code == 422


def test_the_admin_gives_editors_a_preview_link(draft, admin_client):
    response = admin_client.get(f"/admin/headless/preview/{draft.pk}/")
    assert response.status_code == 200
    assert "/api/v3/preview/?token=" in response.content.decode()


def test_the_preview_link_needs_edit_permission(draft, client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("xem", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(f"/admin/headless/preview/{draft.pk}/").status_code in (302, 403)
    assert Page.objects.filter(pk=draft.pk).exists()
