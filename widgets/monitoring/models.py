"""Monitoring stations and their readings (salinity in g/l, water level in metres).

A station's code is its identity: names change when communes merge, codes do not."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from ..bilingual import BilingualName


class Metric(models.TextChoices):
    SALINITY = "salinity", _("Salinity")
    WATER_LEVEL = "water_level", _("Water level")


UNITS = {Metric.SALINITY: "g/l", Metric.WATER_LEVEL: "m"}


def optional_decimal(verbose_name, max_digits, decimal_places):
    return models.DecimalField(
        verbose_name, max_digits=max_digits, decimal_places=decimal_places, null=True, blank=True
    )


class Station(index.Indexed, BilingualName):
    code = models.CharField(
        _("code"),
        max_length=32,
        unique=True,
        help_text=_("The station's permanent identifier, used in imported files."),
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    river = models.CharField(_("river"), max_length=120, blank=True)
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    latitude = optional_decimal(_("latitude"), 9, 6)
    longitude = optional_decimal(_("longitude"), 9, 6)
    km_from_mouth = optional_decimal(_("distance from the river mouth (km)"), 6, 1)
    measures_salinity = models.BooleanField(_("measures salinity"), default=True)
    measures_water_level = models.BooleanField(_("measures water level"), default=False)
    salinity_threshold = models.DecimalField(
        _("harmful salinity (g/l)"),
        max_digits=6,
        decimal_places=2,
        default=4,
        help_text=_("At or above this value the water harms rice; 4 g/l is the usual limit."),
    )
    salinity_freshness = models.DurationField(
        _("salinity readings stay current for"),
        default=datetime.timedelta(hours=24),
        help_text=_("Older readings are shown as out of date. Format: days hh:mm:ss."),
    )
    alarm_level_1 = optional_decimal(_("alarm level I (m)"), 6, 2)
    alarm_level_2 = optional_decimal(_("alarm level II (m)"), 6, 2)
    alarm_level_3 = optional_decimal(_("alarm level III (m)"), 6, 2)
    water_level_freshness = models.DurationField(
        _("water level readings stay current for"),
        default=datetime.timedelta(hours=6),
        help_text=_("Older readings are shown as out of date. Format: days hh:mm:ss."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_vi"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("river"), FieldPanel("commune")]),
        FieldRowPanel(
            [FieldPanel("latitude"), FieldPanel("longitude"), FieldPanel("km_from_mouth")]
        ),
        MultiFieldPanel(
            [
                FieldPanel("measures_salinity"),
                FieldPanel("salinity_threshold"),
                FieldPanel("salinity_freshness"),
            ],
            heading=_("Salinity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("measures_water_level"),
                FieldRowPanel(
                    [
                        FieldPanel("alarm_level_1"),
                        FieldPanel("alarm_level_2"),
                        FieldPanel("alarm_level_3"),
                    ]
                ),
                FieldPanel("water_level_freshness"),
            ],
            heading=_("Water level"),
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("code"),
        index.SearchField("name_vi"),
        index.SearchField("name_en"),
        index.AutocompleteField("name_vi"),
        index.SearchField("river"),
        index.SearchField("commune"),
    ]

    class Meta:
        ordering = ["sort_order", "name_vi"]
        verbose_name = _("monitoring station")
        verbose_name_plural = _("monitoring stations")

    def freshness(self, metric):
        return self.salinity_freshness if metric == Metric.SALINITY else self.water_level_freshness

    def alarm_levels(self):
        """(level number, threshold) pairs that are set, highest level first."""
        levels = [(3, self.alarm_level_3), (2, self.alarm_level_2), (1, self.alarm_level_1)]
        return [(number, value) for number, value in levels if value is not None]


class Reading(models.Model):
    # No index of its own: the unique (station, metric, observed_at) index starts with it.
    station = models.ForeignKey(
        Station,
        on_delete=models.CASCADE,
        related_name="readings",
        verbose_name=_("station"),
        db_index=False,
    )
    metric = models.CharField(_("metric"), max_length=16, choices=Metric.choices)
    observed_at = models.DateTimeField(_("observed at"))
    value = models.DecimalField(_("value"), max_digits=8, decimal_places=3)

    panels = [
        FieldPanel("station"),
        FieldPanel("metric"),
        FieldPanel("observed_at"),
        FieldPanel("value"),
    ]

    class Meta:
        ordering = ["-observed_at"]
        verbose_name = _("reading")
        verbose_name_plural = _("readings")
        constraints = [
            models.UniqueConstraint(
                fields=["station", "metric", "observed_at"], name="unique_reading"
            )
        ]

    def __str__(self):
        return f"{self.station} {self.get_metric_display()} {self.observed_at:%Y-%m-%d %H:%M}"

    @property
    def unit(self):
        return UNITS[self.metric]
