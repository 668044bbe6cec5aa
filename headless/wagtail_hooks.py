from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from . import views
from .forms import WebhookEndpointForm
from .models import WebhookEndpoint


@hooks.register("register_admin_urls")
def register_preview_url():
    return [
        path("headless/preview/<int:page_id>/", views.preview_link, name="headless_preview_link")
    ]


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name, next_url=None):
    if page.is_root() or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Headless preview link"),
        reverse("headless_preview_link", args=[page.pk]),
        icon_name="link",
        priority=90,
    )


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    list_display = ["name", "url", "active"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm


@hooks.register("register_admin_viewset")
def register_webhooks():
    return WebhookEndpointViewSet("webhooks")
