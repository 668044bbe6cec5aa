"""StreamFields in the v3 API typed block by block, not as ``Any``.

Each StreamField becomes a list of a discriminated union on ``type``; each block maps to a
precise type. A project block that serialises its own live data declares ``api_schema`` (a
Ninja/Pydantic schema) and returns matching data from ``get_api_representation``."""

import datetime
import decimal
import re
from typing import Annotated, Any, Literal, Union

from django.utils.text import camel_case_to_spaces
from pydantic import Field, create_model
from wagtail import blocks
from wagtail.api.rich_text import APIRichText
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .schemas import (
    DocumentLink,
    ImageWithRenditions,
    PageLink,
    TableValue,
    document_data,
    image_data,
    page_ref_data,
)

_models = {}


def _pascal(name):
    return "".join(part.capitalize() for part in re.split(r"[\s_\-]+", camel_case_to_spaces(name)))


def _named_model(name, **fields):
    """One schema per name, so the OpenAPI document has no duplicate component names."""
    if name not in _models:
        _models[name] = create_model(name, **fields)
    return _models[name]


_EMBED = create_model("EmbedValue", url=(str, ...))
_SNIPPET = create_model("SnippetRef", id=(int, ...), title=(str, ...), type=(str, ...))

_FIELD_TYPES = [
    (blocks.BooleanBlock, bool),
    (blocks.IntegerBlock, int),
    (blocks.FloatBlock, float),
    (blocks.DecimalBlock, float),
    (blocks.DateTimeBlock, datetime.datetime),
    (blocks.DateBlock, datetime.date),
    (blocks.TimeBlock, datetime.time),
    (blocks.MultipleChoiceBlock, list[str]),
]


def block_schema(block, name):
    """The Python type a block's API value has; ``name`` seeds component names."""
    own = getattr(block, "api_schema", None)
    if own is not None:
        return own
    if isinstance(block, blocks.StreamBlock):
        return list[stream_item_schema(block, name)]
    if isinstance(block, blocks.ListBlock):
        return list[block_schema(block.child_block, f"{name}Item")]
    if isinstance(block, ImageBlock):
        return ImageWithRenditions | None
    if isinstance(block, blocks.StructBlock):
        model_name = name if type(block) is blocks.StructBlock else type(block).__name__
        fields = {
            child_name: (block_schema(child, f"{model_name}{_pascal(child_name)}"), ...)
            for child_name, child in block.child_blocks.items()
        }
        return _named_model(model_name, **fields)
    if isinstance(block, ImageChooserBlock):
        return ImageWithRenditions | None
    if isinstance(block, DocumentChooserBlock):
        return DocumentLink | None
    if isinstance(block, blocks.PageChooserBlock):
        return PageLink | None
    if isinstance(block, SnippetChooserBlock):
        return _SNIPPET | None
    if isinstance(block, TableBlock):
        return TableValue | None
    if isinstance(block, EmbedBlock):
        return _EMBED | None
    if isinstance(block, blocks.StaticBlock):
        return None
    for block_class, python_type in _FIELD_TYPES:
        if isinstance(block, block_class):
            return python_type | None
    if isinstance(block, blocks.ChoiceBlock):
        values = tuple(str(value) for value, _label in block.field.choices if value != "")
        return (Literal[values] if values else str) | None  # type: ignore[valid-type]
    if isinstance(block, blocks.FieldBlock):  # Char, Text, Email, URL, Regex, RichText
        return str | None
    return Any


def stream_item_schema(stream_block, name):
    members = []
    for child_name, child in stream_block.child_blocks.items():
        item_name = f"{name}{_pascal(child_name)}Item"
        members.append(
            _named_model(
                item_name,
                type=(Literal[child_name], ...),  # type: ignore[valid-type]
                id=(str | None, None),
                value=(block_schema(child, f"{name}{_pascal(child_name)}"), ...),
            )
        )
    if len(members) == 1:
        return members[0]
    return Annotated[Union[tuple(members)], Field(discriminator="type")]  # noqa: UP007


def represent(block, value, context):
    """The API value of ``value``, matching ``block_schema(block)``."""
    if getattr(block, "api_schema", None) is not None:
        return block.get_api_representation(value, context)
    request = (context or {}).get("request")
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child.block_type,
                "id": child.id,
                "value": represent(child.block, child.value, context),
            }
            for child in value
        ]
    if isinstance(block, blocks.ListBlock):
        return [represent(block.child_block, item, context) for item in value]
    language = (context or {}).get("language")
    if isinstance(block, ImageBlock):
        data = image_data(value, language, request)
        if data is not None:
            # The block's own alt text is written on the page, in the page's language.
            data["decorative"] = bool(getattr(value, "decorative", False))
            contextual = getattr(value, "contextual_alt_text", None)
            if data["decorative"]:
                data["alt"] = ""
            elif contextual:
                data["alt"] = contextual
                data["lang"] = language or data["lang"]
        return data
    if isinstance(block, blocks.StructBlock):
        return {
            child_name: represent(child, value.get(child_name), context)
            for child_name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        if value is None:
            return None
        fmt = APIRichText.resolve_format(request.GET.get("rich_text_format") if request else None)
        return APIRichText.serialize(value.source, format=fmt)
    if isinstance(block, ImageChooserBlock):
        return image_data(value, language, request)
    if isinstance(block, DocumentChooserBlock):
        return document_data(value)
    if isinstance(block, blocks.PageChooserBlock):
        return page_ref_data(value, request)
    if isinstance(block, SnippetChooserBlock):
        if value is None:
            return None
        return {"id": value.pk, "title": str(value), "type": value._meta.label}
    if isinstance(block, EmbedBlock):
        return {"url": value.url} if value else None
    if isinstance(block, blocks.StaticBlock):
        return None
    if isinstance(block, blocks.DecimalBlock):
        return float(value) if isinstance(value, decimal.Decimal) else value
    if isinstance(block, (blocks.DateBlock, blocks.TimeBlock, blocks.DateTimeBlock)):
        return value
    return block.get_api_representation(value, context)


def streamfield_schema(generator, field):
    """Replacement for Wagtail v3's StreamField schema generator (which types it ``Any``)."""
    name = f"{field.model._meta.object_name}{_pascal(field.name)}"
    field_name = field.name
    item = stream_item_schema(field.stream_block, name)

    def resolve(obj, context):
        value = getattr(obj, field_name)
        context = dict(context or {})
        locale = getattr(obj, "locale", None)
        if locale is not None:  # images' alt text in the page's language
            context.setdefault("language", locale.language_code)
        return represent(value.stream_block, value, context)

    return list[item], [], staticmethod(resolve)


def register():
    from wagtail.api.v3.schemas.generators.read import read_generator
    from wagtail.fields import StreamField

    read_generator.register_field_schema(StreamField, streamfield_schema)
