"""Videos ("Videos trang chủ / Tất cả videos"): uploaded files or links, never fetched."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from headless.fields import typed

from ..richtext import safe_richtext
from ..validators import VIDEO_EXTENSIONS, validate_video_url, validate_webvtt
from .mixins import (
    LARGE,
    PROMOTE_API_FIELDS,
    THUMBNAIL,
    EditorialIndexPage,
    EditorialPageMixin,
    optional_image,
    search_fields_for,
)

PROVIDERS = {
    "youtube.com": "YouTube",
    "www.youtube.com": "YouTube",
    "m.youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "www.vimeo.com": "Vimeo",
    "player.vimeo.com": "Vimeo",
}


class VideoIndexPage(EditorialIndexPage):
    subpage_types = ["articles.VideoPage"]
    empty_listing_text = _("No videos yet.")

    class Meta:
        verbose_name = _("video index")
        verbose_name_plural = _("video indexes")


class VideoPage(EditorialPageMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), blank=True)
    video_file = models.FileField(
        _("video file"),
        upload_to="videos/",
        blank=True,
        validators=[FileExtensionValidator(VIDEO_EXTENSIONS)],
        help_text=_("An MP4, WebM or OGV file. Either a file or a web address is needed."),
    )
    video_url = models.URLField(
        _("video web address"),
        blank=True,
        validators=[validate_video_url],
        help_text=_("A YouTube or Vimeo link; it is shown as a link, nothing is embedded."),
    )
    poster_image = optional_image(
        _("poster image"), _("The still image shown before the video plays and in video lists.")
    )
    captions_file = models.FileField(
        _("captions (WebVTT)"),
        upload_to="videos/captions/",
        blank=True,
        validators=[FileExtensionValidator(["vtt"]), validate_webvtt],
        help_text=_("Subtitles for deaf and hard-of-hearing viewers, as a .vtt file."),
    )
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("The full text of what is said, for readers who cannot play the video."),
    )

    parent_page_types = ["articles.VideoIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("video_file"), FieldPanel("video_url"), FieldPanel("poster_image")],
            heading=_("Video"),
        ),
        MultiFieldPanel(
            [FieldPanel("captions_file"), FieldPanel("transcript")],
            heading=_("Accessibility"),
        ),
    ]
    promote_panels = EditorialPageMixin.promote_panels
    search_fields = search_fields_for(
        index.SearchField("summary"),
        index.SearchField("transcript"),
        index.FilterField("date"),
    )
    unaccented_search_fields = ("title", "summary", "transcript")
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("video_file_url", serializer=typed(str)),
        APIField("video_url"),
        APIField("provider", serializer=typed(str)),
        APIField("poster", serializer=ImageRenditionField(LARGE, source="poster_image")),
        APIField(
            "poster_thumbnail", serializer=ImageRenditionField(THUMBNAIL, source="poster_image")
        ),
        APIField("captions_url", serializer=typed(str)),
        APIField("transcript"),
        *PROMOTE_API_FIELDS,
    ]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def clean(self):
        super().clean()
        if not self.video_file and not self.video_url:
            message = _("Upload a video file or give the video's web address.")
            raise ValidationError({"video_file": message, "video_url": message})

    listing_prefetch = ("poster_image", "social_image")

    def listing_image(self):
        return self.poster_image or self.social_image

    @property
    def video_file_url(self):
        return self.video_file.url if self.video_file else ""

    @property
    def captions_url(self):
        return self.captions_file.url if self.captions_file else ""

    def captions_language(self):
        return self.locale.language_code

    def video_mime_type(self):
        extension = self.video_file.name.rsplit(".", 1)[-1].lower() if self.video_file else ""
        return {"mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg"}.get(extension, "")

    @property
    def provider(self):
        if not self.video_url:
            return ""
        host = urlsplit(self.video_url).netloc.lower()
        return PROVIDERS.get(host, host)

    def transcript_html(self):
        return safe_richtext(self.transcript)
