"""Every widget block, for a site's StreamFields: ``StreamField(widget_blocks())``."""

from .budget.blocks import BudgetBlock
from .links.blocks import LinkBlock, LinksBlock
from .media.blocks import FeaturedVideosBlock, GalleryTeaserBlock, SlideshowBlock
from .monitoring.blocks import SalinityBlock, WaterLevelBlock
from .stats.blocks import StatisticsBlock
from .weather.blocks import WeatherBlock

__all__ = [
    "BudgetBlock",
    "FeaturedVideosBlock",
    "GalleryTeaserBlock",
    "LinkBlock",
    "LinksBlock",
    "SalinityBlock",
    "SlideshowBlock",
    "StatisticsBlock",
    "WaterLevelBlock",
    "WeatherBlock",
    "widget_blocks",
]


def widget_blocks(media=True):
    """``(name, block)`` pairs of the data widgets, plus the editorial teasers if ``media``
    (those need the app that defines videos, galleries and slideshows)."""
    pairs = [
        ("salinity", SalinityBlock()),
        ("water_level", WaterLevelBlock()),
        ("weather", WeatherBlock()),
        ("budget", BudgetBlock()),
        ("statistics", StatisticsBlock()),
        ("links", LinksBlock()),
    ]
    if media:
        pairs += [
            ("featured_videos", FeaturedVideosBlock()),
            ("gallery_teaser", GalleryTeaserBlock()),
            ("slideshow", SlideshowBlock()),
        ]
    return pairs
