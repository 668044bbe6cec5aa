"""The OpenAPI contract: one document, StreamFields typed block by block."""

import json

import pytest
from wagtail.models import get_page_models


@pytest.fixture(scope="module")
def openapi(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return Client().get("/api/v3/openapi.json").json()


def test_one_document_covers_wagtail_pages_and_project_routes(openapi):
    paths = openapi["paths"]
    assert "/api/v3/pages/" in paths
    assert "/api/v3/preview/" in paths
    assert openapi["info"]["title"] == "Cong thong tin API"


def test_every_streamfield_is_a_list_of_typed_blocks_not_any(openapi):
    schemas = openapi["components"]["schemas"]
    checked = 0
    for model in get_page_models():
        for field in model._meta.get_fields():
            if field.__class__.__name__ != "StreamField" or field.model is not model:
                continue
            properties = schemas[f"{model._meta.object_name}Schema"]["properties"]
            if field.name not in properties:
                continue  # not in api_fields
            items = properties[field.name]["items"]
            assert items, f"{model.__name__}.{field.name} is untyped"
            assert "$ref" in items or "oneOf" in items, items
            if "oneOf" in items:
                assert items["discriminator"]["propertyName"] == "type"
            checked += 1
    assert checked >= 1


def test_a_block_item_names_its_type_as_a_constant(openapi):
    item = openapi["components"]["schemas"]["ArticlePageBodyParagraphItem"]
    assert item["properties"]["type"]["const"] == "paragraph"
    assert item["properties"]["value"]["anyOf"][0]["type"] == "string"


def test_streamfield_values_match_their_schema(demo, client):
    from articles.models import ArticlePage

    article = ArticlePage.objects.get(locale__language_code="vi", slug__startswith="day-manh")
    body = client.get(f"/api/v3/pages/{article.pk}/").json()["body"]
    assert body[0]["type"] == "paragraph"
    assert body[0]["value"].startswith("<p>Những năm qua")
    assert json.dumps(body)  # plain JSON, no opaque objects


def test_a_block_type_a_project_registers_is_typed_and_served_as_it_says():
    from typing import Literal

    from wagtail import blocks

    from headless.streamfield import block_schema, register_block_type, represent

    class ColourBlock(blocks.CharBlock):
        pass

    class BrandColourBlock(ColourBlock):
        pass

    register_block_type(
        ColourBlock,
        lambda block, name: Literal["red", "green"] | None,
        lambda block, value, context: value.lower() if value else None,
    )
    for block in (ColourBlock(), BrandColourBlock()):  # a subclass is typed as its base
        assert block_schema(block, "Colour") == Literal["red", "green"] | None
        assert represent(block, "RED", {}) == "red"
    assert block_schema(blocks.CharBlock(), "Text") == str | None
    assert represent(blocks.CharBlock(), "RED", {}) == "RED"


def test_a_subclass_of_a_wagtail_block_is_typed_as_its_base():
    import decimal

    from wagtail import blocks

    from headless.streamfield import block_schema, represent

    class PriceBlock(blocks.DecimalBlock):
        pass

    class AddressBlock(blocks.StructBlock):
        street = blocks.CharBlock()
        price = PriceBlock()

    assert block_schema(PriceBlock(), "Price") == float | None
    assert represent(PriceBlock(), decimal.Decimal("1.50"), {}) == 1.5
    address = AddressBlock()
    schema = block_schema(address, "Address")
    assert schema.__name__ == "AddressBlock" and set(schema.model_fields) == {"street", "price"}
    value = address.to_python({"street": "Lê Lợi", "price": "2.5"})
    assert represent(address, value, {}) == {"street": "Lê Lợi", "price": 2.5}
