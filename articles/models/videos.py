"""Videos ("Videos trang chủ / Tất cả videos"): uploaded files played by the browser, or
YouTube/Vimeo links. A link becomes a click-to-load embed on the video's own page (nothing is
requested from the provider before the reader asks; the page's Content-Security-Policy
allows the provider's player there and nowhere else); never fetched by the server."""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.coreutils import get_content_languages
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from headless.fields import typed

from ..conf import app_settings
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
# The only players a page may frame, with privacy-friendly addresses (no tracking cookie
# before playing on youtube-nocookie; Vimeo's do-not-track flag).
EMBED_HOSTS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
VIMEO_ID = re.compile(r"^[0-9]{1,12}$")


def embed_url(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, or "" if the link
    names no video this portal knows how to embed."""
    parts = urlsplit(url or "")
    host = parts.netloc.lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    video_id = ""
    if PROVIDERS.get(host) == "YouTube":
        if host == "youtu.be":
            video_id = segments[0] if segments else ""
        elif segments[:1] == ["watch"]:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live"):
            video_id = segments[1]
        if YOUTUBE_ID.match(video_id):
            return f"{EMBED_HOSTS[0]}/embed/{video_id}?autoplay=1&rel=0"
    elif PROVIDERS.get(host) == "Vimeo":
        video_id = segments[-1] if segments else ""
        if VIMEO_ID.match(video_id):
            return f"{EMBED_HOSTS[1]}/video/{video_id}?autoplay=1&dnt=1"
    return ""


def content_language_choices():
    """The site's content languages, read when a form is drawn (Wagtail's own default when a
    site does not set WAGTAIL_CONTENT_LANGUAGES)."""
    return list(get_content_languages().items())


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
        help_text=_(
            "A YouTube or Vimeo link. Readers see a link; on the video's page they can also "
            "play it there (the player loads from the provider only when they ask)."
        ),
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
    captions_language = models.CharField(
        _("language of the captions"),
        max_length=8,
        blank=True,
        choices=content_language_choices,
        help_text=_("The language the captions are written in; the page's language if empty."),
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
            [
                FieldPanel("captions_file"),
                FieldPanel("captions_language"),
                FieldPanel("transcript"),
            ],
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
        APIField("captions_language"),
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
        if self.captions_file and not self.captions_language and self.locale_id:
            # Stored, so that a translation (which copies the file) keeps the right language.
            self.captions_language = self.locale.language_code

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.embed_url():
            # django-csp 4: this page, and only this one, may frame the provider's player.
            response._csp_update = {"frame-src": list(EMBED_HOSTS)}
        return response

    listing_prefetch = ("poster_image", "social_image")

    def listing_image(self):
        return self.poster_image or self.social_image

    @property
    def video_file_url(self):
        return self.video_file.url if self.video_file else ""

    @property
    def captions_url(self):
        return self.captions_file.url if self.captions_file else ""

    def captions_srclang(self):
        return self.captions_language or self.locale.language_code

    def captions_label(self):
        """The track's name in the menu of the player: the language, in that language."""
        names = get_content_languages()
        return names.get(self.captions_srclang(), self.captions_srclang())

    def video_mime_type(self):
        extension = self.video_file.name.rsplit(".", 1)[-1].lower() if self.video_file else ""
        return {"mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg"}.get(extension, "")

    @property
    def provider(self):
        if not self.video_url:
            return ""
        host = urlsplit(self.video_url).netloc.lower()
        return PROVIDERS.get(host, host)

    def embed_url(self):
        """The player to frame on this page when the reader asks, or "" (no link, an unknown
        site, or embedding turned off by ``PORTAL_VIDEO_EMBEDS``)."""
        if self.video_file or not app_settings.PORTAL_VIDEO_EMBEDS:
            return ""
        return embed_url(self.video_url)

    def transcript_html(self):
        return safe_richtext(self.transcript)
