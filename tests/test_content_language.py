"""The ``lang_attr`` filter marks text that is not in the page's language (WCAG 3.1.2)."""

import pytest
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale, Page

TEMPLATE = Template("{% load content_language %}<h2{{ item|lang_attr }}>x</h2>")


def render(item, language):
    with translation.override(language):
        return TEMPLATE.render(Context({"item": item}))


@pytest.mark.django_db
def test_a_vietnamese_page_on_the_english_site_is_marked_and_not_on_the_vietnamese_one():
    page = Page.objects.filter(depth=1).first()
    assert Locale.objects.get(pk=page.locale_id).language_code == "vi"
    assert render(page, "en") == '<h2 lang="vi">x</h2>'
    assert render(page, "vi") == "<h2>x</h2>"


@pytest.mark.django_db
def test_an_english_page_on_the_english_site_is_not_marked():
    english = Locale.objects.create(language_code="en")

    class Item:
        locale_id = english.pk

    assert render(Item(), "en") == "<h2>x</h2>"
    assert render(Item(), "vi") == '<h2 lang="en">x</h2>'


def test_codes_and_unknown_items():
    assert render("vi", "en") == '<h2 lang="vi">x</h2>'
    assert render(None, "en") == "<h2>x</h2>"
    assert render(object(), "en") == "<h2>x</h2>"


@pytest.mark.django_db
def test_a_document_named_by_its_library_title_is_marked_on_the_english_site():
    from wagtail.documents import get_document_model

    from articles.blocks import DocumentLinkBlock

    document = get_document_model().objects.create(title="Kế hoạch số 123/KH-UBND")
    block = DocumentLinkBlock()
    untitled = block.to_python({"document": document.pk, "title": ""})
    titled = block.to_python({"document": document.pk, "title": "Plan No. 123"})
    with translation.override("en"):
        assert f'lang="vi">{document.title}</a>' in block.render(untitled)
        assert '">Plan No. 123</a>' in block.render(titled)
    with translation.override("vi"):
        assert f'">{document.title}</a>' in block.render(untitled)
