"""Every data widget block, for a site's StreamFields: ``StreamField(widget_blocks())``."""

from .budget.blocks import BudgetBlock
from .links.blocks import LinkBlock, LinksBlock
from .monitoring.blocks import SalinityBlock, WaterLevelBlock
from .stats.blocks import StatisticsBlock
from .weather.blocks import WeatherBlock

__all__ = [
    "BudgetBlock",
    "LinkBlock",
    "LinksBlock",
    "SalinityBlock",
    "StatisticsBlock",
    "WaterLevelBlock",
    "WeatherBlock",
    "widget_blocks",
]


def widget_blocks():
    """``(name, block)`` pairs of the data widgets."""
    return [
        ("salinity", SalinityBlock()),
        ("water_level", WaterLevelBlock()),
        ("weather", WeatherBlock()),
        ("budget", BudgetBlock()),
        ("statistics", StatisticsBlock()),
        ("links", LinksBlock()),
    ]
