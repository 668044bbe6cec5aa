"""One translation approach for the widgets' reference data (stations, cities): a Vietnamese
name, an optional English one, and ``name`` in the reader's language. Both stay plain fields
on one row, so the API can give both and an editor fills them in on one form."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class BilingualName(models.Model):
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the active language, Vietnamese when there is no English one."""
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_vi
