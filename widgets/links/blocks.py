"""The links block ("Liên kết"): labelled links to pages or other sites.

Data: :meth:`LinksBlock.build`. Schema: :class:`LinksBlockData`. Template:
``widgets/blocks/links.html``. Cache: ``cache_topics`` (a link's page may be unpublished)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..base import WidgetBlock


class LinkData(Schema):
    label: str
    url: str
    new_tab: bool


class LinksBlockData(Schema):
    heading: str
    links: list[LinkData]


class LinkValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        if page is not None:
            return page.url if page.live else ""
        return self.get("url") or ""

    @property
    def text(self):
        page = self.get("page")
        return self.get("label") or (page.title if page is not None else self.get("url"))


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=gettext_lazy("Label"),
        required=False,
        help_text=gettext_lazy("Leave blank to use the page's title."),
    )
    page = blocks.PageChooserBlock(label=gettext_lazy("Page"), required=False)
    url = blocks.URLBlock(label=gettext_lazy("Address (URL)"), required=False)
    new_tab = blocks.BooleanBlock(
        label=gettext_lazy("Open in a new tab"), required=False, default=False
    )

    class Meta:
        icon = "link"
        label = gettext_lazy("Link")
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("page") and value.get("url"):
            errors["url"] = ValidationError(_("Choose a page or enter an address, not both."))
        elif not value.get("page") and not value.get("url"):
            errors["url"] = ValidationError(_("Choose a page or enter an address."))
        if value.get("url") and not value.get("label"):
            errors["label"] = ValidationError(_("A link to another site needs a label."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class LinksBlock(WidgetBlock):
    api_schema = LinksBlockData
    cache_topics = ("pages",)
    default_heading = gettext_lazy("Links")
    links = blocks.ListBlock(LinkBlock(), label=gettext_lazy("Links"), min_num=1)

    class Meta:
        icon = "link"
        label = gettext_lazy("Links")
        description = gettext_lazy("A list of links to pages or other sites.")
        preview_value = {
            "links": [{"label": "Cổng Dịch vụ công Quốc gia", "url": "https://dichvucong.gov.vn/"}]
        }

    def build(self, value, context=None):
        """The links that lead somewhere (a link to an unpublished page is left out)."""
        return LinksBlockData(
            heading=self.heading_text(value),
            links=[
                LinkData(label=link.text, url=link.href, new_tab=bool(link.get("new_tab")))
                for link in (value.get("links") or [])
                if link.href
            ],
        )
