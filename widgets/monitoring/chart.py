"""A station's last seven daily maxima as a small inline SVG bar chart in a figure.

The figure has a visible caption (what is drawn, in which unit, what the dashed line is); the
chart is an image with a text alternative (``role="img"`` and an ``aria-label`` listing every
day's value). Each bar carries its value above it and its day below it (the axes' labels), a
zero reading is drawn as a visible mark on the baseline and a day without data as a dash.
It is drawn from a station row's data (``history`` of ``{date, max}`` points and ``unit``).
"""

from decimal import Decimal

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from headless.numbers import format_number

from ..formatting import format_quantity

# The drawing, in px: a gutter for the y axis's labels, room for the value labels above the
# bars and for the day labels below them.
WIDTH, HEIGHT = 300, 88
GUTTER, GAP = 30, 8
PLOT_TOP, PLOT_BOTTOM = 16, 68
DAY_LABEL_Y = 83
ZERO_MARK = 3  # the height of a zero reading's bar: a visible mark, not nothing


def quantity_text(value, unit):
    """``format_quantity`` of a number carried as a float (``5.3``, not 5.2999…)."""
    return "" if value is None else format_quantity(Decimal(str(value)), unit)


def number_text(value):
    return format_number(Decimal(str(value)))


def _threshold_text(threshold, unit):
    return _("Dashed line: %(threshold)s.") % {"threshold": format_quantity(threshold, unit)}


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
        text += " " + _threshold_text(threshold, unit)
    return text


def chart_caption(history, unit, threshold=None):
    """The figure's visible caption: what the bars are and what the dashed line is."""
    text = _("Highest of each day, last %(count)s days (%(unit)s)") % {
        "count": len(history),
        "unit": unit,
    }
    if threshold is not None:
        text += ". " + _threshold_text(threshold, unit)
    return text


class _Scale:
    """Value → y, the baseline (0) always inside the plot."""

    def __init__(self, values):
        self.low, self.high = min(*values, 0.0), max(*values, 0.0)
        self.span = (self.high - self.low) or 1.0

    def y(self, value):
        return PLOT_TOP + (PLOT_BOTTOM - PLOT_TOP) * (self.high - value) / self.span


def _bars(history, scale):
    """(rects, value labels, day labels) of every day."""
    slot = (WIDTH - GUTTER) / len(history)
    bar_width = slot - GAP
    zero = scale.y(0.0)
    rects, values, days = [], [], []
    for index, point in enumerate(history):
        left = GUTTER + index * slot + GAP / 2
        middle = f"{left + bar_width / 2:.1f}"
        days.append((middle, f"{DAY_LABEL_Y}", date_format(point.date, "d/m")))
        if point.max is None:
            values.append((middle, f"{zero - 3:.1f}", "–"))
            continue
        value = float(point.max)
        top, base = scale.y(max(value, 0.0)), scale.y(min(value, 0.0))
        if base - top < ZERO_MARK:  # zero, or too small to see: a mark on the baseline
            top, base = (zero - ZERO_MARK, zero) if value >= 0 else (zero, zero + ZERO_MARK)
        css = "widget-chart__bar" + (" widget-chart__bar--zero" if value == 0 else "")
        rects.append((css, f"{left:.1f}", f"{top:.1f}", f"{bar_width:.1f}", f"{base - top:.1f}"))
        values.append((middle, f"{min(top, zero) - 3:.1f}", number_text(point.max)))
    return rects, values, days


def history_chart(history, unit, threshold=None):
    """The figure (caption and SVG) for ``history``; empty when there is no history."""
    if not history or all(point.max is None for point in history):
        return ""
    values = [float(p.max) for p in history if p.max is not None]
    scale = _Scale(values + ([float(threshold)] if threshold is not None else []))
    rects, value_labels, day_labels = _bars(history, scale)
    zero = f"{scale.y(0.0):.1f}"
    drawing = format_html_join(
        "",
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}"></rect>',
        rects,
    )
    labels = format_html_join(
        "",
        '<text class="widget-chart__value" x="{}" y="{}" text-anchor="middle">{}</text>',
        value_labels,
    ) + format_html_join(
        "",
        '<text class="widget-chart__day" x="{}" y="{}" text-anchor="middle">{}</text>',
        day_labels,
    )
    axes = format_html(
        '<line class="widget-chart__axis" x1="{}" x2="{}" y1="{}" y2="{}"></line>'
        '<text class="widget-chart__tick" x="{}" y="{}" text-anchor="end">0</text>'
        '<text class="widget-chart__tick" x="{}" y="{}" text-anchor="end">{}</text>',
        GUTTER,
        WIDTH,
        zero,
        zero,
        GUTTER - 4,
        f"{scale.y(0.0) + 4:.1f}",
        GUTTER - 4,
        PLOT_TOP + 4,
        unit,
    )
    line = ""
    if threshold is not None:
        at = f"{scale.y(float(threshold)):.1f}"
        line = format_html(
            '<line class="widget-chart__threshold" x1="{}" x2="{}" y1="{}" y2="{}"></line>',
            GUTTER,
            WIDTH,
            at,
            at,
        )
    svg = format_html(
        '<svg class="widget-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'width="{}" height="{}" focusable="false">{}{}{}{}</svg>',
        chart_description(history, unit, threshold),
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        axes,
        drawing,
        line,
        labels,
    )
    return format_html(
        '<figure class="widget-chart-figure"><figcaption class="widget-chart-figure__caption">'
        "{}</figcaption>{}</figure>",
        chart_caption(history, unit, threshold),
        svg,
    )
