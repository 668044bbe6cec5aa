"""One alt-text rule for every use of an image: the image library's alt text by default (in
the reader's language where it is translated), the editor's own words for one use, or nothing
when the editor marks that use decorative. The same semantics as Wagtail's ``ImageBlock``
(``alt_text``, ``decorative``), for images chosen in a model field or a block."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def alt_text_field(verbose_name, help_text):
    return models.CharField(verbose_name, max_length=255, blank=True, help_text=help_text)


def decorative_field(help_text):
    return models.BooleanField(_("decorative"), default=False, help_text=help_text)


def alt_for(image, own_text="", decorative=False, language=None):
    """(alt text, the language it is in) of one use of ``image`` on a page in ``language``
    (default: the active one)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if decorative or image is None:
        return "", language
    if (own_text or "").strip():
        return own_text, language
    if callable(getattr(image, "alt_text_in", None)):
        return image.alt_text_in(language), image.alt_language(language)
    return image.default_alt_text, settings.LANGUAGE_CODE  # another image model


class AltTextMixin(models.Model):
    """Alt text for one use of an image (the model's ``image`` field): see the module.
    ``use_language()`` says the language of the page it is used on."""

    alt_text = alt_text_field(
        _("alt text"),
        _(
            "Leave empty to use the image's own alt text from the image library; "
            "write here only to describe it differently on this page."
        ),
    )
    decorative = decorative_field(
        _("Tick only if the image adds nothing; it then needs no alt text.")
    )

    class Meta:
        abstract = True

    def use_language(self):
        """The language of the page that shows the image; ``None``: the active one."""
        return None

    def _alt(self):
        image = self.image if self.image_id else None
        return alt_for(image, self.alt_text, self.decorative, self.use_language())

    @property
    def alt(self):
        return self._alt()[0]

    @property
    def alt_lang(self):
        """The language ``alt`` is written in (the page's, unless the image library has no
        translation of its alt text yet)."""
        return self._alt()[1]

    def clean(self):
        super().clean()
        if self.decorative or (self.alt_text or "").strip() or not self.image_id:
            return
        image = self.image
        if not getattr(image, "decorative", False) and not (image.description or "").strip():
            raise ValidationError(
                {
                    "alt_text": _(
                        "The image library has no alt text for this image: describe it here "
                        "for people who cannot see it, or tick “decorative” if it adds nothing."
                    )
                }
            )
