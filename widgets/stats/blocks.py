"""The visitor statistics block ("Thống kê": đang truy cập, hôm nay, tổng lượt truy cập)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from wagtail import blocks

from ..formatting import format_number
from .counting import request_statistics, statistics


class StatisticsData(Schema):
    heading: str
    online: int  # distinct visitors in the last 5 minutes
    today: int  # visits today, Asia/Ho_Chi_Minh
    total: int  # visits since launch
    # when the figures were read: a page body is cached, the live figures are /api/v3/stats/
    as_of: datetime.datetime | None = None


class StatisticsBlock(blocks.StructBlock):
    api_schema = StatisticsData
    heading = blocks.CharBlock(
        label=gettext_lazy("Heading"),
        required=False,
        help_text=gettext_lazy("Leave blank for the standard heading."),
    )

    class Meta:
        icon = "pick"
        template = "widgets/blocks/statistics.html"
        label = gettext_lazy("Visitor statistics")
        description = gettext_lazy("Visitors online now, visits today and in total.")
        preview_value = {}

    def heading_text(self, value):
        return value.get("heading") or _("Statistics")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        stats = request_statistics((parent_context or {}).get("request"))
        context.update(
            heading=self.heading_text(value),
            figures=[
                (_("Online now"), format_number(stats.online, grouping=True)),
                (_("Today"), format_number(stats.today, grouping=True)),
                (_("Total visits"), format_number(stats.total, grouping=True)),
            ],
        )
        return context

    def get_api_representation(self, value, context=None):
        now = timezone.now()
        stats = statistics(now)
        return {
            "heading": self.heading_text(value),
            "online": stats.online,
            "today": stats.today,
            "total": stats.total,
            "as_of": timezone.localtime(now).isoformat(),
        }
