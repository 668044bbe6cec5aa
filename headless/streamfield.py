"""StreamFields in the v3 API typed block by block, not as ``Any``.

Each StreamField becomes a list of a discriminated union on ``type``; each block maps to a
precise type through a registry of block classes (:func:`register_block_type`), which holds
Wagtail's own block types. A project block that serialises its own live data declares
``api_schema`` (a Ninja/Pydantic schema) and returns matching data from
``get_api_representation``."""

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

_schemas = {}  # block class -> schema(block, name)
_representers = {}  # block class -> represent(block, value, context)


def register_block_type(block_class, schema, represent=None):
    """Type ``block_class`` (and its subclasses, unless one registers itself) in the API:
    ``schema(block, name)`` returns the Python type of a block's API value, ``name`` seeding
    component names; ``represent(block, value, context)`` returns that value (by default the
    block's own ``get_api_representation``). A block class can instead declare ``api_schema``
    and return matching data from ``get_api_representation``."""
    _schemas[block_class] = schema
    if represent is not None:
        _representers[block_class] = represent


def _registered(registry, block):
    """The entry of the nearest class of ``block`` (its own first, then its bases')."""
    for block_class in type(block).__mro__:
        if block_class in registry:
            return registry[block_class]
    return None


def block_schema(block, name):
    """The Python type a block's API value has; ``name`` seeds component names."""
    own = getattr(block, "api_schema", None)
    if own is not None:
        return own
    schema = _registered(_schemas, block)
    return Any if schema is None else schema(block, name)


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
    representer = _registered(_representers, block)
    if representer is None:
        return block.get_api_representation(value, context)
    return representer(block, value, context)


def _request(context):
    return (context or {}).get("request")


def _language(context):
    return (context or {}).get("language")


# Wagtail's own block types.


def _struct_schema(block, name):
    model_name = name if type(block) is blocks.StructBlock else type(block).__name__
    fields = {
        child_name: (block_schema(child, f"{model_name}{_pascal(child_name)}"), ...)
        for child_name, child in block.child_blocks.items()
    }
    return _named_model(model_name, **fields)


def _struct_value(block, value, context):
    return {
        child_name: represent(child, value.get(child_name), context)
        for child_name, child in block.child_blocks.items()
    }


def _stream_value(block, value, context):
    return [
        {
            "type": child.block_type,
            "id": child.id,
            "value": represent(child.block, child.value, context),
        }
        for child in value
    ]


def _image_block_value(block, value, context):
    language = _language(context)
    data = image_data(value, language, _request(context))
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


def _rich_text_value(block, value, context):
    if value is None:
        return None
    request = _request(context)
    fmt = APIRichText.resolve_format(request.GET.get("rich_text_format") if request else None)
    return APIRichText.serialize(value.source, format=fmt)


def _snippet_value(block, value, context):
    if value is None:
        return None
    return {"id": value.pk, "title": str(value), "type": value._meta.label}


def _choice_schema(block, name):
    values = tuple(str(value) for value, _label in block.field.choices if value != "")
    return (Literal[values] if values else str) | None  # type: ignore[valid-type]


def _optional(python_type):
    return lambda block, name: python_type | None


def _as_is(block, value, context):
    return value


register_block_type(
    blocks.StreamBlock,
    lambda block, name: list[stream_item_schema(block, name)],
    _stream_value,
)
register_block_type(
    blocks.ListBlock,
    lambda block, name: list[block_schema(block.child_block, f"{name}Item")],
    lambda block, value, context: [represent(block.child_block, item, context) for item in value],
)
register_block_type(blocks.StructBlock, _struct_schema, _struct_value)
register_block_type(ImageBlock, _optional(ImageWithRenditions), _image_block_value)
register_block_type(
    ImageChooserBlock,
    _optional(ImageWithRenditions),
    lambda block, value, context: image_data(value, _language(context), _request(context)),
)
register_block_type(
    DocumentChooserBlock,
    _optional(DocumentLink),
    lambda block, value, context: document_data(value),
)
register_block_type(
    blocks.PageChooserBlock,
    _optional(PageLink),
    lambda block, value, context: page_ref_data(value, _request(context)),
)
register_block_type(SnippetChooserBlock, _optional(_SNIPPET), _snippet_value)
register_block_type(TableBlock, _optional(TableValue))
register_block_type(
    EmbedBlock,
    _optional(_EMBED),
    lambda block, value, context: {"url": value.url} if value else None,
)
register_block_type(blocks.StaticBlock, lambda block, name: None, lambda *args: None)
register_block_type(blocks.RichTextBlock, _optional(str), _rich_text_value)
register_block_type(blocks.FieldBlock, _optional(str))  # Char, Text, Email, URL, Regex
register_block_type(blocks.ChoiceBlock, _choice_schema)
register_block_type(blocks.MultipleChoiceBlock, _optional(list[str]))
register_block_type(blocks.BooleanBlock, _optional(bool))
register_block_type(blocks.IntegerBlock, _optional(int))
register_block_type(blocks.FloatBlock, _optional(float))
register_block_type(
    blocks.DecimalBlock,
    _optional(float),
    lambda block, value, context: float(value) if isinstance(value, decimal.Decimal) else value,
)
register_block_type(blocks.DateTimeBlock, _optional(datetime.datetime), _as_is)
register_block_type(blocks.DateBlock, _optional(datetime.date), _as_is)
register_block_type(blocks.TimeBlock, _optional(datetime.time), _as_is)


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
