"""Rich text that can never carry a script to the page, whatever wrote it to the database.

Sanitising is nh3's (the Ammonia HTML sanitiser): an allow-list of the elements and
attributes Wagtail's rich-text editor stores, including its ``linktype``/``embedtype``
references, which are expanded only after sanitising."""

import re

import nh3
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.rich_text import RichText

# What Wagtail's editor can store for the features the project enables, and nothing more.
TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u", "s", "sub", "sup",
    "ul", "ol", "li", "a", "blockquote", "code", "hr", "embed",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "linktype", "id", "title"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
}
# Dropped with their content; any other element outside TAGS keeps its text.
CONTENT_DROPPED = {"script", "style", "iframe", "object", "applet", "frame", "frameset", "template"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# nh3 writes void elements as HTML (`<embed …>`); Wagtail's rewriter expects `<embed …/>`.
EMBED_TAG = re.compile(r"<embed\b([^>]*?)/?>")


def strip_unsafe_html(html):
    """Remove scripts, event handlers, styles and javascript: links from stored rich text."""
    if not html:
        return ""
    cleaned = nh3.clean(
        str(html),
        tags=TAGS,
        clean_content_tags=CONTENT_DROPPED,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    return EMBED_TAG.sub(r"<embed\1/>", cleaned)


def safe_richtext(html):
    """Render stored rich text (links and images expanded) after sanitising it."""
    return mark_safe(RichText(strip_unsafe_html(html)).__html__())  # noqa: S308


class SafeRichTextBlock(blocks.RichTextBlock):
    """A RichTextBlock whose stored HTML is sanitised every time it is read."""

    def to_python(self, value):
        return super().to_python(strip_unsafe_html(value))

    def get_prep_value(self, value):
        prepped = super().get_prep_value(value)
        return strip_unsafe_html(prepped)

    class Meta:
        icon = "pilcrow"
