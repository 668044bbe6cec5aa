"""Numbers in the reader's locale, without trailing zeros: ``0,7`` and ``613.887`` in
Vietnamese, ``0.7`` and ``613,887`` in English."""

from decimal import Decimal

from django.utils.formats import number_format


def _decimal_places(value):
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_number(value, grouping=False):
    """``value`` without trailing zeros, in the active language's number format."""
    if value is None:
        return ""
    value = Decimal(value)
    places = _decimal_places(value)
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=grouping)
