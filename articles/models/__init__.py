"""The editorial page types, one module each; imported here so Django finds every model."""

from .articles import ArticleIndexPage, ArticlePage, ArticlePageTag, ArticleRelatedLink
from .categories import Category
from .gallery import GalleryImage, GalleryIndexPage, GalleryPage
from .ratings import ArticleRating
from .slideshow import Slide, SlideshowPage
from .videos import VideoIndexPage, VideoPage


def place_sections_under(*page_types):
    """Where the site's editorial sections (the indexes and slideshows) are created: the app
    that defines the home page says so (this app names no app above it); until then, nowhere."""
    for model in (ArticleIndexPage, GalleryIndexPage, VideoIndexPage, SlideshowPage):
        model.parent_page_types = list(page_types)
        model._clean_parent_page_models = None  # Wagtail's cache of the resolved list


__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageTag",
    "ArticleRating",
    "ArticleRelatedLink",
    "Category",
    "GalleryImage",
    "GalleryIndexPage",
    "GalleryPage",
    "Slide",
    "SlideshowPage",
    "VideoIndexPage",
    "VideoPage",
    "place_sections_under",
]
