"""The base of every widget block: one data path for the page and the API.

A widget block subclasses :class:`WidgetBlock` and declares

- ``api_schema``: the Ninja schema of its data (the v3 API types the block with it);
- ``build(value, context)``: that data, built once, as an instance of ``api_schema``;
- ``cache_topics``: the ``headless.caching`` topics its HTML depends on (see
  ``widgets.fragments``), or ``None`` to render it on every view;
- ``default_heading``: the heading shown when the editor leaves ``heading`` blank;
- ``distinct_list`` and ``duplicate_message``: the chooser list whose items must differ.

Its template is ``widgets/blocks/<widget>.html``, ``<widget>`` being the folder of the block's
module (``widgets/weather/blocks.py``: ``widgets/blocks/weather.html``), unless its ``Meta``
names one.

The page renders ``data`` (what ``build`` returned) with the block's template, and the API
returns the same object serialised, so the two cannot drift apart. Display-only extras (a
formatted number, a chart) are properties or private attributes of the schema classes: they
derive from the same object and never reach the API."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError


def heading_block():
    """The optional heading every widget starts with."""
    return blocks.CharBlock(
        label=gettext_lazy("Heading"),
        required=False,
        help_text=gettext_lazy("Leave blank for the standard heading."),
    )


class WidgetBlock(blocks.StructBlock):
    api_schema = None
    cache_topics = None
    default_heading = ""
    distinct_list = None  # the name of a ListBlock child whose items must all differ
    duplicate_message = gettext_lazy("This item is already in the list.")

    heading = heading_block()

    class Meta:
        preview_value = {}  # the editor's preview: the block with its standard options

    def heading_text(self, value):
        return value.get("heading") or str(self.default_heading)

    def build(self, value, context=None):
        """The block's data: an instance of ``api_schema``. ``context`` is the template
        context or the API's (``request``, ``language``); either may be ``None``."""
        raise NotImplementedError

    def get_template(self, value=None, context=None):
        template = super().get_template(value, context)
        if template is None:
            widget = type(self).__module__.rsplit(".", 2)[-2]
            template = f"widgets/blocks/{widget}.html"
        return template

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["data"] = self.build(value, context)
        return context

    def get_api_representation(self, value, context=None):
        return self.build(value, context).model_dump(mode="json")

    def item_error(self, item):
        """An error for one chosen item of ``distinct_list`` besides being a repeat, or
        ``None``."""
        return None

    def clean(self, value):
        value = super().clean(value)
        if self.distinct_list is None:
            return value
        errors, seen = {}, set()
        for index, item in enumerate(value.get(self.distinct_list) or []):
            if item is None:
                continue
            if item.pk in seen:
                errors[index] = ValidationError(str(self.duplicate_message))
            else:
                error = self.item_error(item)
                if error is not None:
                    errors[index] = ValidationError(error)
            seen.add(item.pk)
        if errors:
            raise StructBlockValidationError(
                block_errors={self.distinct_list: ListBlockValidationError(block_errors=errors)}
            )
        return value
