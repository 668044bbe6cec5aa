"""Quantities, changes and ages in the reader's locale: ``0,7 g/l`` and ``Giảm 1,6 g/l`` in
Vietnamese, ``0.7 g/l`` and ``Down 1.6 g/l`` in English (plain numbers: ``headless.numbers``)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from headless.numbers import format_number


def format_quantity(value, unit):
    if value is None:
        return ""
    return f"{format_number(value)} {unit}"


def format_change(change, unit):
    """``Tăng 1 g/l``, ``Giảm 1,6 g/l`` or ``Không đổi``; empty when unknown."""
    if change is None:
        return ""
    if change > 0:
        return _("Up %(amount)s") % {"amount": format_quantity(change, unit)}
    if change < 0:
        return _("Down %(amount)s") % {"amount": format_quantity(-change, unit)}
    return _("No change")


def as_float(value):
    """A Decimal as a JSON number, None kept."""
    return None if value is None else float(value)


def format_age(delta):
    """A coarse age for "updated … ago": minutes, hours, then days."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    if minutes < 60:
        return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    hours = minutes // 60
    if hours < 48:
        return ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}
    days = hours // 24
    return ngettext("%(count)s day", "%(count)s days", days) % {
        "count": format_number(days, grouping=True)
    }
