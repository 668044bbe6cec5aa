"""The editorial admin: news categories as translatable snippets; for every page, slugs,
date pickers in the editor's language and moderation that says what happens."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_dates, moderation
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

# Every date picker of the admin in the editor's language (dd/mm/yyyy in Vietnamese).
admin_dates.follow_language()

# Moderation that says what happens, on every page's edit screen.
hooks.register("construct_page_action_menu", moderation.replace_publish_item)
hooks.register("before_edit_page", moderation.warn_on_edit)
hooks.register("after_edit_page", moderation.name_the_workflow_action)
