"""The admin's date pickers in the editor's own language: ``12/10/2021`` and
``12/10/2021 07:00`` for Vietnamese, ``2021-10-12`` for English.

Wagtail's date widgets take one format for every language (``WAGTAIL_DATE_FORMAT``,
``WAGTAIL_DATETIME_FORMAT``, default ISO), fixed when the widget is built. When a site sets
neither, these widgets here show and pick dates in the first of the active language's
``DATE_INPUT_FORMATS`` / ``DATETIME_INPUT_FORMATS`` (the format modules in ``FORMAT_MODULE_PATH``),
which Django's form fields already accept: every date input of the admin (page and snippet
fields, listing filters, scheduled publishing) follows the language of the editor."""

from django.conf import settings
from django.utils import formats
from wagtail.admin.datetimepicker import to_datetimepicker_format
from wagtail.admin.widgets.datetime import (
    DEFAULT_DATE_FORMAT,
    DEFAULT_DATETIME_FORMAT,
    AdminDateInput,
    AdminDateTimeInput,
)

WIDGETS = (
    (AdminDateInput, "WAGTAIL_DATE_FORMAT", DEFAULT_DATE_FORMAT),
    (AdminDateTimeInput, "WAGTAIL_DATETIME_FORMAT", DEFAULT_DATETIME_FORMAT),
)


def _follow_language(widget_class, setting, default):
    if getattr(widget_class, "_follows_language", False):
        return
    wagtail_config = widget_class.get_config

    def python_format(widget):
        # A format given to the widget, or set for the whole site, wins.
        if widget.format != default or getattr(settings, setting, None):
            return widget.format
        return formats.get_format(widget.format_key)[0]

    def format_value(self, value):
        return formats.localize_input(value, python_format(self))

    def get_config(self):
        return {**wagtail_config(self), "format": to_datetimepicker_format(python_format(self))}

    widget_class.format_value = format_value
    widget_class.get_config = get_config
    widget_class._follows_language = True


def follow_language():
    for widget_class, setting, default in WIDGETS:
        _follow_language(widget_class, setting, default)
