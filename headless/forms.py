from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import EVENTS, WebhookEndpoint


class WebhookEndpointForm(WagtailAdminModelForm):
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=EVENTS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all unticked to receive every event."),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "events", "active", "secret"]
