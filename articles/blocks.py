"""The blocks of an article's body: rich text, image, quote, table, document link, video."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from images.alt import alt_for

from .richtext import SafeRichTextBlock
from .tables import TableData, TranslatableTableBlock
from .validators import VIDEO_EXTENSIONS

TABLE_OPTIONS = {"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False}


def optional_text(label, help_text=None):
    extra = {"help_text": help_text} if help_text else {}
    return blocks.CharBlock(label=label, required=False, max_length=255, **extra)


class ImageValue(blocks.StructValue):
    """Alt text by the rule of ``images.alt``, from the image library, in the reader's
    language (the block has no alt text of its own)."""

    def alt_text(self):
        return alt_for(self.get("image"))[0]

    def alt_lang(self):
        """The language of ``alt_text`` (the reader's, unless not translated yet)."""
        return alt_for(self.get("image"))[1]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = optional_text(
        _("Caption"), _("Shown under the image. The alt text comes from the image library.")
    )

    class Meta:
        icon = "image"
        template = "articles/blocks/image_block.html"
        label = _("Image with caption")
        description = _("A picture from the image library with an optional caption.")
        value_class = ImageValue
        preview_value = {"caption": _("Farmers harvest rice in Cai Lay district")}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = optional_text(_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the person or document it comes from.")
        preview_value = {
            "quote": _("Administrative reform is a breakthrough task."),
            "attribution": _("Provincial People's Committee"),
        }


class DataTableValue(blocks.StructValue):
    def table_data(self):
        """The table as the template draws it: caption, header row, rows with header cells."""
        return TableData.from_value(self.get("table"), title=self.get("caption") or "")


class DataTableBlock(blocks.StructBlock):
    # Not "Table caption": the table editor has its own field by that name.
    caption = optional_text(
        _("Table title"),
        _(
            "Says what the table shows; shown above it and read first by screen readers. "
            "Leave empty to use the caption typed in the table editor."
        ),
    )
    table = TranslatableTableBlock(label=_("Table"), table_options=TABLE_OPTIONS)

    class Meta:
        icon = "table"
        template = "articles/blocks/table_block.html"
        label = _("Table")
        description = _("A table of figures with a caption.")
        value_class = DataTableValue
        preview_value = {
            "caption": _("Administrative reform indices"),
            "table": {
                "first_row_is_table_header": True,
                "data": [["PAR INDEX", "PAPI"], ["1", "2"]],
            },
        }


class DocumentValue(blocks.StructValue):
    def link_text(self):
        document = self.get("document")
        return self.get("title") or (document.title if document else "")

    def file_extension(self):
        document = self.get("document")
        return document.file_extension.upper() if document else ""

    @property
    def content_language(self):
        """The link text's language for ``lang_attr``: the page's own when the editor wrote
        it, else the document library's (titles there are in the default language)."""
        return "" if self.get("title") else settings.LANGUAGE_CODE


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = optional_text(_("Link text"), _("Leave empty to use the document's title."))

    class Meta:
        icon = "doc-full"
        template = "articles/blocks/document_block.html"
        label = _("Document link")
        description = _("A link to a file in the document library, e.g. a decision or a plan.")
        value_class = DocumentValue
        preview_value = {"title": _("Plan No. 123/KH-UBND")}


class VideoValue(blocks.StructValue):
    def video_page(self):
        """The chosen video page in the reader's language, if it is live."""
        page = self.get("video_page")
        if page is None:
            return None
        page = page.specific.localized
        return page if page.live else None

    def file(self):
        return self.get("document")


class VideoBlock(blocks.StructBlock):
    video_page = blocks.PageChooserBlock(
        label=_("Video page"), page_type="articles.VideoPage", required=False
    )
    document = DocumentChooserBlock(
        label=_("Video file"),
        required=False,
        help_text=_("Or a video file (MP4, WebM) from the document library."),
    )
    caption = optional_text(_("Caption"))

    class Meta:
        icon = "media"
        template = "articles/blocks/video_block.html"
        label = _("Video")
        description = _("A video from the video section, or an uploaded video file.")
        value_class = VideoValue
        preview_value = {"caption": _("Provincial news video")}

    def clean(self, value):
        value = super().clean(value)
        page, document = value.get("video_page"), value.get("document")
        if page is None and document is None:
            raise StructBlockValidationError(
                block_errors={
                    "video_page": ValidationError(_("Choose a video page or a video file."))
                }
            )
        if page is not None and document is not None:
            raise StructBlockValidationError(
                block_errors={
                    "document": ValidationError(_("Choose either a video page or a video file."))
                }
            )
        if document is not None and document.file_extension.lower() not in VIDEO_EXTENSIONS:
            raise StructBlockValidationError(
                block_errors={
                    "document": ValidationError(
                        _("This document is not a video (MP4, WebM or OGV).")
                    )
                }
            )
        return value


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = SafeRichTextBlock(
        label=_("Paragraph"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    image = ImageBlock()
    quote = QuoteBlock()
    table = DataTableBlock()
    document = DocumentLinkBlock()
    video = VideoBlock()
