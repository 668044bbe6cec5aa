"""Visitor statistics ("Thống kê"): counters, never raw addresses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

TOTAL = "total"


class VisitCounter(models.Model):
    """A named running total; ``total`` counts every visit since launch and can be seeded
    (e.g. with the old portal's figure)."""

    name = models.CharField(_("name"), max_length=32, unique=True)
    value = models.BigIntegerField(_("value"), default=0)

    panels = [FieldPanel("name", read_only=True), FieldPanel("value")]

    class Meta:
        verbose_name = _("visit counter")
        verbose_name_plural = _("visit counters")

    def __str__(self):
        return f"{self.name}: {self.value}"


class DailyVisits(models.Model):
    day = models.DateField(_("day"), unique=True)
    visits = models.BigIntegerField(_("visits"), default=0)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("daily visits")
        verbose_name_plural = _("daily visits")

    def __str__(self):
        return f"{self.day}: {self.visits}"


class RecentVisitor(models.Model):
    """One row per visitor seen recently, keyed by a salted hash that changes every day."""

    visitor = models.CharField(_("visitor"), max_length=64, unique=True)
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("recent visitor")
        verbose_name_plural = _("recent visitors")

    def __str__(self):
        return self.visitor[:12]
