"""A station's last seven daily maxima as a small inline SVG bar chart.

The chart is an image with a text alternative (``role="img"`` and an ``aria-label`` listing
every day's value), and the threshold is drawn as a dashed line explained in the same text.
It is drawn from a station row's data (``history`` of ``{date, max}`` points and ``unit``).
"""

from decimal import Decimal

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from ..formatting import format_quantity

WIDTH, HEIGHT, GAP, TOP = 140, 48, 4, 4


def quantity_text(value, unit):
    """``format_quantity`` of a number carried as a float (``5.3``, not 5.2999…)."""
    return "" if value is None else format_quantity(Decimal(str(value)), unit)


def chart_description(history, unit, threshold=None):
    days = "; ".join(
        f"{date_format(point.date, 'd/m')}: "
        + (quantity_text(point.max, unit) if point.max is not None else _("no data"))
        for point in history
    )
    text = _("Daily maximum, last %(count)s days: %(days)s.") % {
        "count": len(history),
        "days": days,
    }
    if threshold is not None:
        text += " " + _("Dashed line: %(threshold)s.") % {
            "threshold": format_quantity(threshold, unit)
        }
    return text


def history_chart(history, unit, threshold=None):
    """The SVG markup for ``history``; empty when there is no history."""
    if not history or all(point.max is None for point in history):
        return ""
    values = [float(p.max) for p in history if p.max is not None]
    candidates = [*values, 0.0] + ([float(threshold)] if threshold is not None else [])
    low, high = min(candidates), max(candidates)
    span = (high - low) or 1.0

    def y(value):
        return TOP + (HEIGHT - TOP) * (high - value) / span

    bar_width = (WIDTH - GAP * (len(history) - 1)) / len(history)
    bars = []
    for index, point in enumerate(history):
        if point.max is None:
            continue
        top, base = y(max(float(point.max), 0.0)), y(min(float(point.max), 0.0))
        bars.append(
            (
                f"{index * (bar_width + GAP):.1f}",
                f"{top:.1f}",
                f"{bar_width:.1f}",
                f"{max(base - top, 1.0):.1f}",
            )
        )
    rects = format_html_join(
        "",
        '<rect class="widget-chart__bar" x="{}" y="{}" width="{}" height="{}"></rect>',
        bars,
    )
    line = ""
    if threshold is not None:
        line = format_html(
            '<line class="widget-chart__threshold" x1="0" x2="{}" y1="{}" y2="{}"></line>',
            WIDTH,
            f"{y(float(threshold)):.1f}",
            f"{y(float(threshold)):.1f}",
        )
    return format_html(
        '<svg class="widget-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'width="{}" height="{}" focusable="false">{}{}</svg>',
        chart_description(history, unit, threshold),
        WIDTH,
        HEIGHT + 2,
        WIDTH,
        HEIGHT + 2,
        rects,
        line,
    )
