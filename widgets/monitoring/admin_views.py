"""Importing readings from the admin: upload → preview (nothing written) → confirm.

The uploaded file is kept in the default storage between preview and confirmation; its key
is remembered in the editor's session, so only the editor who uploaded it can confirm it."""

import os
import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..admin_viewsets import OwnTitleMixin
from ..formatting import format_quantity
from .importer import ImportResult, RowValidator, import_file
from .models import UNITS, Metric, Reading, Station
from .readers import FileFormatError, read_rows

SESSION_KEY = "widgets_reading_imports"
UPLOAD_DIR = "widgets/reading-imports"
EXTENSIONS = (".csv", ".json")
PREVIEW_ROWS = 50
# The quantity's name in tables ("Độ mặn"), not the widget's heading ("Thông tin độ mặn").
METRIC_NAMES = {
    Metric.SALINITY: pgettext_lazy("metric", "Salinity"),
    Metric.WATER_LEVEL: pgettext_lazy("metric", "Water level"),
}


def metric_name(metric):
    return METRIC_NAMES.get(metric, metric)


def reading_value(reading):
    """``5,6 g/l`` in Vietnamese, ``5.6 g/l`` in English."""
    return format_quantity(reading.value, UNITS.get(reading.metric, ""))


def preview_rows(path, limit=PREVIEW_ROWS):
    """The first ``limit`` readings a valid file would write, read again from the stored
    upload (nothing is written): line, station, metric, time, value with its unit, and
    whether the same reading is already stored (then it is left unchanged)."""
    validator, scratch, found = RowValidator(), ImportResult(), []
    try:
        with default_storage.open(path, "rb") as stored:
            for line, row in read_rows(stored, path):
                reading = validator.validate(line, row, scratch)
                if reading is not None:
                    found.append((line, reading))
                    if len(found) >= limit:
                        break
    except FileFormatError:
        return []
    stations = Station.objects.in_bulk({reading[0] for _line, reading in found})
    stored = set(
        Reading.objects.filter(
            station_id__in=stations, observed_at__in={reading[2] for _line, reading in found}
        ).values_list("station_id", "metric", "observed_at")
    )
    rows = []
    for line, (station_id, metric, observed_at, value, _epoch) in found:
        rows.append(
            {
                "line": line,
                "station": stations[station_id],
                "metric": metric_name(metric),
                "observed_at": observed_at,
                "value": format_quantity(value, UNITS[metric]),
                "stored": (station_id, metric, observed_at) in stored,
            }
        )
    return rows


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (CSV or JSON)"),
        help_text=gettext_lazy(
            "Columns station_code;metric;observed_at;value. Separator ; or , — decimal comma "
            "or point — dates dd/mm/yyyy HH:MM or ISO 8601. A blank or - value is no reading."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(_("Choose a .csv or .json file."))
        return upload


class ImportReadingsView(OwnTitleMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "widgets/admin/import_readings.html"
    page_title = gettext_lazy("Import readings")
    header_icon = "upload"
    http_method_names = ["get", "post"]
    url_name = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("widgets.add_reading"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context["action_url"] = reverse(self.url_name)
        return context

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST or "cancel" in request.POST:
            return self.finish(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        extension = os.path.splitext(upload.name)[1].lower()
        path = default_storage.save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}{extension}", upload)
        with default_storage.open(path, "rb") as stored:
            result = import_file(stored, name=path, dry_run=True)
        token, rows = "", []
        if result.ok:
            rows = preview_rows(path)
            token = uuid.uuid4().hex
            pending = request.session.get(SESSION_KEY, {})
            pending[token] = {"path": path, "name": upload.name}
            request.session[SESSION_KEY] = pending
        else:
            default_storage.delete(path)
        context = self.get_context_data(
            result=result,
            token=token,
            file_name=upload.name,
            preview_rows=rows,
            more_rows=max(result.readings - len(rows), 0),
        )
        return self.render_to_response(context)

    def finish(self, request):
        pending = request.session.get(SESSION_KEY, {})
        entry = pending.pop(request.POST.get("token", ""), None)
        request.session[SESSION_KEY] = pending
        if entry is None:
            messages.error(request, _("This import has expired; upload the file again."))
            return redirect(self.url_name)
        if "cancel" in request.POST:
            default_storage.delete(entry["path"])
            messages.info(request, _("The import was cancelled; nothing was written."))
            return redirect(self.url_name)
        try:
            with default_storage.open(entry["path"], "rb") as stored:
                result = import_file(stored, name=entry["path"])
        finally:
            default_storage.delete(entry["path"])
        if not result.committed:
            context = self.get_context_data(result=result, token="", file_name=entry["name"])
            return self.render_to_response(context)
        messages.success(
            request,
            _("%(created)s readings imported from %(name)s (%(present)s were already stored).")
            % {"created": result.created, "name": entry["name"], "present": result.already_present},
        )
        return redirect(self.url_name)
