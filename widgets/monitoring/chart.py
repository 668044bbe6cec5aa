"""A station's last seven daily maxima as a small inline SVG bar chart.

The chart is an image with a text alternative (``role="img"`` and an ``aria-label`` listing
every day's value), and the threshold is drawn as a dashed line explained in the same text.
"""

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from ..formatting import format_quantity

WIDTH, HEIGHT, GAP, TOP = 140, 48, 4, 4


def chart_description(summary, threshold=None):
    days = "; ".join(
        f"{date_format(point.day, 'd/m')}: "
        + (format_quantity(point.value, summary.unit) if point.value is not None else _("no data"))
        for point in summary.history
    )
    text = _("Daily maximum, last %(count)s days: %(days)s.") % {
        "count": len(summary.history),
        "days": days,
    }
    if threshold is not None:
        text += " " + _("Dashed line: %(threshold)s.") % {
            "threshold": format_quantity(threshold, summary.unit)
        }
    return text


def _reference_threshold(summary):
    station = summary.station
    if summary.metric == "salinity":
        return station.salinity_threshold
    levels = station.alarm_levels()
    return levels[-1][1] if levels else None


def history_chart(summary):
    """The SVG markup for ``summary.history``; empty when there is no history."""
    if not summary.history or all(point.value is None for point in summary.history):
        return ""
    threshold = _reference_threshold(summary)
    values = [float(p.value) for p in summary.history if p.value is not None]
    candidates = [*values, 0.0] + ([float(threshold)] if threshold is not None else [])
    low, high = min(candidates), max(candidates)
    span = (high - low) or 1.0

    def y(value):
        return TOP + (HEIGHT - TOP) * (high - value) / span

    bar_width = (WIDTH - GAP * (len(summary.history) - 1)) / len(summary.history)
    bars = []
    for index, point in enumerate(summary.history):
        if point.value is None:
            continue
        top, base = y(max(float(point.value), 0.0)), y(min(float(point.value), 0.0))
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
        chart_description(summary, threshold),
        WIDTH,
        HEIGHT + 2,
        WIDTH,
        HEIGHT + 2,
        rects,
        line,
    )
