"""The news index's filter form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.categories import Category

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class ArticleFilterForm(forms.Form):
    """GET parameters of the news index: ?category=slug&date_from=…&date_to=…"""

    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All categories"),
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(locale=locale)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned

    def filter(self, articles):
        """Apply the valid filters to ``articles``; invalid input filters nothing."""
        if not self.is_valid():
            return articles
        data = self.cleaned_data
        if data.get("category"):
            articles = articles.filter(categories__translation_key=data["category"].translation_key)
        if data.get("date_from"):
            articles = articles.filter(date__gte=data["date_from"])
        if data.get("date_to"):
            articles = articles.filter(date__lte=data["date_to"])
        return articles.distinct()
