"""The editorial page types, one module each; imported here so Django finds every model."""

from .articles import ArticleIndexPage, ArticlePage, ArticlePageTag, ArticleRelatedLink
from .categories import Category
from .gallery import GalleryImage, GalleryIndexPage, GalleryPage
from .ratings import ArticleRating
from .slideshow import Slide, SlideshowPage
from .videos import VideoIndexPage, VideoPage

# The editorial sections, created where the site's app places them (headless.pages.place_under).
SECTIONS = (ArticleIndexPage, GalleryIndexPage, VideoIndexPage, SlideshowPage)


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
    "SECTIONS",
]
