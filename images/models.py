from django.conf import settings
from django.db import models
from django.db.models import DEFERRED
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .alt import alt_text_field, decorative_field


class PortalImage(AbstractImage):
    """An image whose alternative text travels with it to every page and API response."""

    # Wagtail uses ``description`` as the default alt text; here it is named for what it is.
    description = alt_text_field(
        _("alt text"),
        _(
            "Describe what the image shows for people who cannot see it. "
            "Leave empty only for a decorative image."
        ),
    )
    decorative = decorative_field(
        _("Tick if the image adds nothing to the text; screen readers will skip it.")
    )
    alt_text_en = alt_text_field(
        _("alt text in English"),
        _(
            "The same description in English, for the English pages. Leave empty until it is "
            "translated: English pages then give the Vietnamese text, marked as Vietnamese."
        ),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("alt_text_en", "decorative", "credit")
    # Alt text per content language other than the default one (``description``).
    alt_text_fields = {"en": "alt_text_en"}

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's AbstractImage.__init__ sets ``self.decorative = False`` (an attribute its
        # ImageBlock uses), hiding the stored field: every image read from the database
        # looked non-decorative and an edit saved it so. Restore the value given to the model.
        if "decorative" in kwargs:
            stored = kwargs["decorative"]
        else:
            index = [field.attname for field in self._meta.concrete_fields].index("decorative")
            stored = args[index] if index < len(args) else False
        if stored is DEFERRED:
            self.__dict__.pop("decorative", None)  # read from the database when asked
        else:
            self.decorative = bool(stored)

    def alt_text_for(self, language):
        """The alt text written in ``language``, or "" when there is none in that language."""
        if self.decorative:
            return ""
        if language == settings.LANGUAGE_CODE:
            return self.description or self.title
        field = self.alt_text_fields.get(language)
        return (getattr(self, field) or "").strip() if field else ""

    def alt_language(self, language=None):
        """The language of the alt text shown to a reader of ``language`` (default: the
        active one): that language when the text exists in it, else the default language."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        return language if self.alt_text_for(language) else settings.LANGUAGE_CODE

    def alt_text_in(self, language=None):
        """The alt text for a reader of ``language`` (default: the active one), falling back
        to the default language's text (see ``alt_language`` for the language to mark)."""
        if self.decorative:
            return ""
        return self.alt_text_for(self.alt_language(language))

    @property
    def default_alt_text(self):
        return self.alt_text_in()


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
