"""Page querysets shared by every app."""

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction


def exclude_private(pages):
    """``pages.public()`` in the same query: leaves out pages with a view restriction on
    themselves or an ancestor. Wagtail's ``public()`` first loads every restriction (one more
    query each time); this asks the database with a subquery instead."""
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restricted))
