"""The admin report of a fiscal year's budget disclosures: on time, late, due or missing."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..admin_viewsets import OwnTitleMixin
from .data import year_report
from .models import BudgetDocument


class YearForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Fiscal year"), min_value=2000, max_value=2100)


class BudgetStatusView(OwnTitleMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "widgets/admin/budget_status.html"
    page_title = gettext_lazy("Budget disclosure deadlines")
    header_icon = "doc-full"
    url_name = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("widgets.view_budgetdocument"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        form = YearForm(self.request.GET or None, initial={"year": today.year})
        year = form.cleaned_data["year"] if form.is_valid() else today.year
        years = set(BudgetDocument.objects.values_list("fiscal_year", flat=True).distinct())
        context.update(
            form=form,
            year=year,
            years=sorted(years | {today.year, today.year + 1}, reverse=True),
            rows=year_report(year, today),
            today=today,
        )
        return context
