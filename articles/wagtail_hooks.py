"""Admin registration: news categories as translatable snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category
from .slugs import register_slug_input


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("News categories")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(CategoryViewSet)

# The admin's slug fields transliterate Vietnamese as the server does ("đ" -> "d").
register_slug_input()
