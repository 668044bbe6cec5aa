"""The widgets' admin menu: groups of snippet viewsets and single custom views (the latter
shown only to users allowed to use them), and the header such a view shows."""

from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.views.snippets import SnippetViewSetGroup


class OwnTitleMixin:
    """Wagtail's slim header shows the last breadcrumb as the visible heading: without one
    of its own, a view would be headed "Home" ("Trang chủ"). Add the view's own title."""

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


class SingleViewSet(ViewSet):
    """``view_class`` at admin/<url_prefix>/, named after its prefix ("widgets/budget-status"
    is "widgets_budget_status"), shown in the menu to users with ``permission``, by default
    with the icon of the view's own header."""

    def __init__(self, url_prefix, view_class, *, permission, menu_label, icon=None):
        name = url_prefix.replace("/", "_").replace("-", "_")
        icon = icon or view_class.header_icon
        super().__init__(name, url_prefix=url_prefix, icon=icon, menu_label=menu_label)
        self.view_class, self.permission = view_class, permission

    def get_urlpatterns(self):
        view = self.view_class.as_view(url_name=self.get_url_name("index"))
        return [path("", view, name="index")]

    @cached_property
    def menu_item_class(self):
        permission = self.permission

        def is_shown(_self, request):
            return request.user.has_perm(permission)

        return type(f"{self.name}_menu_item", (MenuItem,), {"is_shown": is_shown})


class MenuGroup(SnippetViewSetGroup):
    """A submenu of the admin menu, at ``order`` among the other items."""

    def __init__(self, menu_label, menu_icon, menu_order, items):
        self.menu_label, self.menu_icon, self.menu_order = menu_label, menu_icon, menu_order
        self.items = items
        super().__init__()
