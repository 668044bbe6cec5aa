"""Shapes shared by every endpoint: images with renditions, documents, page references."""

import logging

from django.conf import settings
from django.utils import translation
from ninja import Field, Schema
from wagtail.api.utils import get_full_url

from .conf import app_settings

logger = logging.getLogger(__name__)


class ImageRendition(Schema):
    filter: str = Field(description="the Wagtail filter spec, e.g. width-800")
    url: str = Field(description="absolute URL")
    width: int
    height: int


class ImageWithRenditions(Schema):
    """The one shape of an image in every response: listings, page details, StreamField
    blocks, widget teasers and ``/api/v3/images/`` (``alt``, ``lang``, ``renditions``,
    ``srcset`` there, beside Wagtail's own fields)."""

    id: int
    title: str
    alt: str = Field(description='alternative text; "" for a decorative image')
    lang: str = Field(description="the language the alt text is in")
    decorative: bool = Field(description="screen readers skip it (alt is empty)")
    width: int = Field(description="of the original")
    height: int = Field(description="of the original")
    renditions: list[ImageRendition] = Field(
        description="one per width of PORTAL_API_RENDITION_WIDTHS (400, 800, 1600), never "
        "wider than the original"
    )
    srcset: str = Field(description='the renditions as an <img srcset>: "url 400w, url 800w"')


class DocumentLink(Schema):
    id: int
    title: str
    url: str
    file_extension: str
    file_size: int | None


class PageLink(Schema):
    id: int
    title: str
    type: str
    url: str | None


class TableValue(Schema):
    data: list[list[str | None]]
    first_row_is_table_header: bool = False
    first_col_is_header: bool = False
    table_caption: str = ""


def rendition_widths():
    return tuple(app_settings.PORTAL_API_RENDITION_WIDTHS)


def rendition_specs():
    return [f"width-{width}" for width in rendition_widths()]


def alt_text(image, language=None):
    """(alt text, its language) of ``image`` for a response in ``language`` (default: the
    active one). The image model may keep alt text per language (``alt_text_in`` and
    ``alt_language``, see ``images.models``); otherwise the alt text editors wrote is in the
    default language."""
    default = settings.LANGUAGE_CODE
    language = language or translation.get_language() or default
    if getattr(image, "decorative", False):
        return "", language
    if callable(getattr(image, "alt_text_in", None)):
        return image.alt_text_in(language), image.alt_language(language)
    return getattr(image, "description", "") or image.title, default


def image_shape(image, renditions, language=None, request=None):
    """``ImageWithRenditions`` data from an image and its renditions by filter spec."""
    alt, lang = alt_text(image, language)
    items = []
    for spec in rendition_specs() if renditions else ():
        rendition = renditions[spec]
        url = rendition["url"] if isinstance(rendition, dict) else rendition.url
        width = rendition["width"] if isinstance(rendition, dict) else rendition.width
        height = rendition["height"] if isinstance(rendition, dict) else rendition.height
        items.append(
            {"filter": spec, "url": get_full_url(request, url), "width": width, "height": height}
        )
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt,
        "lang": lang,
        "decorative": bool(getattr(image, "decorative", False)),
        "width": image.width,
        "height": image.height,
        "renditions": items,
        "srcset": ", ".join(f"{r['url']} {r['width']}w" for r in items),
    }


def image_data(image, language=None, request=None, missing=None):
    """The image and its renditions. When its file is gone from the storage (a page must
    still render and the API still answer until an editor replaces it): ``missing``, None by
    default, as for no image."""
    if image is None:
        return None
    try:
        renditions = image.get_renditions(*rendition_specs())
    except OSError:  # Wagtail's SourceImageIOError: the file is not in the storage
        logger.warning("The file of image %s is missing", image.pk)
        return missing
    return image_shape(image, renditions, language, request)


def image_without_renditions(image, language=None):
    """What is known of an image whose file is missing: its record, with no renditions."""
    return image_shape(image, {}, language)


def document_data(document):
    if document is None:
        return None
    try:
        size = document.get_file_size()
    except OSError:
        size = None
    return {
        "id": document.pk,
        "title": document.title,
        "url": document.url,
        "file_extension": document.file_extension,
        "file_size": size,
    }


def page_ref_data(page, request=None):
    if page is None:
        return None
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    return {
        "id": page.pk,
        "title": page.title,
        "type": page._meta.label,
        "url": page.get_url(request=request),
    }
