"""The visitor statistics block ("Thống kê": đang truy cập, hôm nay, tổng lượt truy cập).

Data: :meth:`StatisticsBlock.build` (from ``counting.request_statistics``). Schema:
:class:`StatisticsData`. Template: ``widgets/blocks/stats.html``. Cache: the figures are read
at most every PORTAL_STATS_CACHE_SECONDS (shared with the footer), ``as_of`` says when."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema

from ..base import WidgetBlock
from ..formatting import format_number
from .counting import request_statistics


class StatisticsData(Schema):
    heading: str
    online: int  # distinct visitors in the last 5 minutes
    today: int  # visits today, Asia/Ho_Chi_Minh
    total: int  # visits since launch
    # when the figures were read: a page body is cached, the live figures are /api/v3/stats/
    as_of: datetime.datetime | None = None

    @property
    def figures(self):
        """``(label, number)`` pairs for the page (never serialised)."""
        return [
            (_("Online now"), format_number(self.online, grouping=True)),
            (_("Today"), format_number(self.today, grouping=True)),
            (_("Total visits"), format_number(self.total, grouping=True)),
        ]


class StatisticsBlock(WidgetBlock):
    api_schema = StatisticsData
    default_heading = gettext_lazy("Statistics")

    class Meta:
        icon = "pick"
        label = gettext_lazy("Visitor statistics")
        description = gettext_lazy("Visitors online now, visits today and in total.")

    def build(self, value, context=None):
        stats = request_statistics((context or {}).get("request"))
        return StatisticsData(
            heading=self.heading_text(value),
            online=stats.online,
            today=stats.today,
            total=stats.total,
            as_of=timezone.localtime(stats.as_of or timezone.now()),
        )
