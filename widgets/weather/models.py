"""Cities and their stored forecasts. Forecasts are written by ``manage.py fetch_weather``
(or by an editor, as a fallback); a page view only reads them."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from ..bilingual import BilingualName
from ..conf import app_settings
from .codes import weather_code_choices

MANUAL = "manual"
SAMPLE = "sample"  # made-up forecasts, e.g. the demo's: the page labels them as sample data


def stale_after():
    hours = app_settings.PORTAL_WEATHER_STALE_AFTER_HOURS
    return datetime.timedelta(hours=hours)


class City(BilingualName):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=4)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=4)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_vi"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name_vi"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")


class Forecast(models.Model):
    """The weather now and the next days for one city, as received at ``fetched_at``."""

    city = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="forecasts", verbose_name=_("city")
    )
    provider = models.CharField(_("source"), max_length=40, default=MANUAL, editable=False)
    fetched_at = models.DateTimeField(_("updated at"), default=timezone.now, db_index=True)
    observed_at = models.DateTimeField(_("valid at"), null=True, blank=True)
    weather_code = models.PositiveSmallIntegerField(
        _("weather"), choices=weather_code_choices(), null=True, blank=True
    )
    temperature = models.DecimalField(
        _("temperature (°C)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    temperature_min = models.DecimalField(
        _("lowest today (°C)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    temperature_max = models.DecimalField(
        _("highest today (°C)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    humidity = models.PositiveSmallIntegerField(_("humidity (%)"), null=True, blank=True)
    wind_speed = models.DecimalField(
        _("wind (km/h)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    daily = models.JSONField(_("days ahead"), default=list, blank=True, editable=False)
    raw = models.JSONField(_("provider response"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("city"),
        FieldPanel("fetched_at"),
        FieldPanel("weather_code"),
        FieldRowPanel(
            [
                FieldPanel("temperature"),
                FieldPanel("temperature_min"),
                FieldPanel("temperature_max"),
            ]
        ),
        FieldRowPanel([FieldPanel("humidity"), FieldPanel("wind_speed")]),
    ]

    class Meta:
        ordering = ["-fetched_at"]
        get_latest_by = "fetched_at"
        verbose_name = _("forecast")
        verbose_name_plural = _("forecasts")
        indexes = [models.Index(fields=["city", "-fetched_at"], name="forecast_city_latest")]

    def __str__(self):
        return f"{self.city} {timezone.localtime(self.fetched_at):%d/%m/%Y %H:%M}"

    def age(self, now=None):
        return (now or timezone.now()) - self.fetched_at

    def is_stale(self, now=None):
        return self.age(now) > stale_after()
