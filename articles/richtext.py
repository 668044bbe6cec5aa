"""Rich text that can never carry a script to the page, whatever wrote it to the database."""

from html import escape
from html.parser import HTMLParser

from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.rich_text import RichText

# Elements dropped together with their content.
DROPPED = {"script", "style", "iframe", "object", "applet", "frame", "frameset", "template"}
# Elements dropped, their content kept.
UNWRAPPED = {"form", "input", "button", "textarea", "select", "link", "meta", "base", "svg"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
VOID = {"br", "hr", "img", "embed", "wbr", "col", "source", "track"}


class _Sanitiser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.dropping = []

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closed=True)

    def _start(self, tag, attrs, closed):
        if self.dropping or tag in DROPPED:
            if tag in DROPPED and not closed and tag not in VOID:
                self.dropping.append(tag)
            return
        if tag in UNWRAPPED:
            return
        kept = []
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                continue
            compact = "".join((value or "").split()).lower()
            if name in ("href", "src", "action") and compact.startswith(UNSAFE_SCHEMES):
                continue
            kept.append(name if value is None else f'{name}="{escape(value)}"')
        self.out.append("<" + " ".join([tag, *kept]) + ("/>" if closed else ">"))

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag in DROPPED or tag in UNWRAPPED or tag in VOID:
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(escape(data, quote=False))


def strip_unsafe_html(html):
    """Remove scripts, event handlers and javascript: links from stored rich text."""
    if not html:
        return ""
    parser = _Sanitiser()
    parser.feed(str(html))
    parser.close()
    return "".join(parser.out)


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
