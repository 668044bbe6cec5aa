from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """An image whose alternative text travels with it to every page and API response."""

    # Wagtail uses ``description`` as the default alt text; here it is named for what it is.
    description = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Leave empty only for a decorative image."
        ),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Tick if the image adds nothing to the text; screen readers will skip it."),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("decorative", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        if self.decorative:
            return ""
        return self.description or self.title


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
