"""Shapes shared by every endpoint: images with renditions, documents, page references."""

from django.conf import settings
from ninja import Schema

# Widths for srcset; a frontend picks the one that fits.
DEFAULT_RENDITION_WIDTHS = (400, 800, 1600)


class ImageRendition(Schema):
    filter: str
    url: str
    width: int
    height: int


class ImageWithRenditions(Schema):
    id: int
    title: str
    alt: str
    decorative: bool
    width: int
    height: int
    renditions: list[ImageRendition]


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
    return tuple(getattr(settings, "PORTAL_API_RENDITION_WIDTHS", DEFAULT_RENDITION_WIDTHS))


def image_data(image):
    if image is None:
        return None
    specs = [f"width-{width}" for width in rendition_widths()]
    renditions = image.get_renditions(*specs)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": getattr(image, "default_alt_text", image.title),
        "decorative": bool(getattr(image, "decorative", False)),
        "width": image.width,
        "height": image.height,
        "renditions": [
            {"filter": spec, "url": r.url, "width": r.width, "height": r.height}
            for spec, r in renditions.items()
        ],
    }


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


def images_data(image_ids):
    """``image_data`` for many images at once, read as plain rows (two queries, no model
    instances): listings call this. Renditions not made yet are made through the model."""
    from django.core.files.storage import default_storage
    from wagtail.images import get_image_model

    image_model = get_image_model()
    ids = {pk for pk in image_ids if pk}
    if not ids:
        return {}
    specs = [f"width-{width}" for width in rendition_widths()]
    rows = image_model.objects.filter(pk__in=ids).values(
        "id", "title", "description", "decorative", "width", "height"
    )
    found = {}
    renditions = image_model.get_rendition_model().objects.filter(
        image_id__in=ids, filter_spec__in=specs, focal_point_key=""
    )
    for r in renditions.values("image_id", "filter_spec", "file", "width", "height"):
        found.setdefault(r["image_id"], {})[r["filter_spec"]] = r
    data = {}
    for row in rows:
        made = found.get(row["id"], {})
        if len(made) < len(specs):
            data[row["id"]] = image_data(image_model.objects.get(pk=row["id"]))
            continue
        data[row["id"]] = {
            "id": row["id"],
            "title": row["title"],
            "alt": "" if row["decorative"] else (row["description"] or row["title"]),
            "decorative": row["decorative"],
            "width": row["width"],
            "height": row["height"],
            "renditions": [
                {
                    "filter": spec,
                    "url": default_storage.url(made[spec]["file"]),
                    "width": made[spec]["width"],
                    "height": made[spec]["height"],
                }
                for spec in specs
            ],
        }
    return data
