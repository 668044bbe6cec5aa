"""A viewset for a single custom admin view, shown in a menu group only to users allowed
to use it, and the header such a view shows."""

from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


class OwnTitleMixin:
    """Wagtail's slim header shows the last breadcrumb as the visible heading: without one
    of its own, a view would be headed "Home" ("Trang chủ"). Add the view's own title."""

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


class SingleViewSet(ViewSet):
    view_class = None
    permission = ""

    def get_urlpatterns(self):
        view = self.view_class.as_view(url_name=self.get_url_name("index"))
        return [path("", view, name="index")]

    @cached_property
    def menu_item_class(self):
        permission = self.permission

        def is_shown(_self, request):
            return request.user.has_perm(permission)

        return type(f"{type(self).__name__}MenuItem", (MenuItem,), {"is_shown": is_shown})
