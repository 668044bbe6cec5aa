"""Validation of uploaded media: video files and WebVTT captions."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

VIDEO_EXTENSIONS = ("mp4", "webm", "ogv")
MAX_CAPTIONS_BYTES = 1024 * 1024


def validate_webvtt(file):
    """A captions file must be WebVTT: UTF-8 text whose first line starts with "WEBVTT"."""
    if file.size and file.size > MAX_CAPTIONS_BYTES:
        raise ValidationError(_("The captions file is too large (1 MB at most)."), code="size")
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        head = file.read(64)
    finally:
        if position is not None:
            file.seek(position)
    if isinstance(head, str):
        head = head.encode("utf-8")
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    first_line = head.splitlines()[0] if head else b""
    if not (first_line == b"WEBVTT" or first_line.startswith((b"WEBVTT ", b"WEBVTT\t"))):
        raise ValidationError(
            _('This is not a WebVTT captions file: its first line must be "WEBVTT".'),
            code="not_webvtt",
        )


def validate_video_url(value):
    """Only web links: the page shows them as links and never fetches them."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(_("Enter a web address starting with https://."), code="scheme")
