"""One translation approach for the widgets' reference data (stations, cities): a model keeps
a Vietnamese ``name_vi`` and an optional English ``name_en`` on one row (the API gives both;
an editor fills both on one form), and ``name`` is the one in the reader's language."""

from django.db import models
from django.utils import translation

# The language of ``name_vi`` and of the models' other free text (a river, a commune).
VIETNAMESE = "vi"


class BilingualName(models.Model):
    """Fields stay on each model (their lengths differ); this adds no column."""

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

    @property
    def content_language(self):
        """The language ``name`` is in, for ``{{ item|lang_attr }}``: a station without an
        English name keeps its Vietnamese one on the English site, marked as such."""
        if translation.get_language() == "en" and self.name_en:
            return "en"
        return VIETNAMESE
