"""The news index's filter form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.categories import Category

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_ERRORS = {"invalid": _("Enter a real date, for example 15/09/2021.")}


class ISODateField(forms.DateField):
    """A date typed as dd/mm/yyyy or yyyy-mm-dd, shown back in ISO: an ``<input type="date">``
    shows only yyyy-mm-dd, so an applied ?date_from=15/09/2021 would leave the box empty."""

    def __init__(self, **kwargs):
        widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        super().__init__(
            input_formats=DATE_INPUT_FORMATS, error_messages=DATE_ERRORS, widget=widget, **kwargs
        )

    def bound_data(self, data, initial):
        try:
            return self.to_python(data) or data
        except forms.ValidationError:
            return data  # what was typed, shown in a text box with its error


class ArticleFilterForm(forms.Form):
    """GET parameters of the news index: ?category=slug&date_from=…&date_to=…"""

    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All categories"),
    )
    date_from = ISODateField(label=_("From"), required=False)
    date_to = ISODateField(label=_("To"), required=False)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(locale=locale)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned

    def full_clean(self):
        super().full_clean()
        # A browser empties a date input holding an unparseable value: show what was typed.
        for name in self.errors:
            if name in self.fields and isinstance(self.fields[name].widget, forms.DateInput):
                self.fields[name].widget.input_type = "text"

    def is_filtering(self):
        """Whether a valid filter narrows the list (not for a bare ?page=, nor while errors
        leave the list unfiltered)."""
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())

    def error_summary(self):
        """(anchor, message) for each error, in field order, for the summary above the form:
        each links to the field it is about (GOV.UK's error summary)."""
        if not self.is_bound or not self.errors:
            return []
        summary = [("", message) for message in self.non_field_errors()]
        for field in self:
            summary += [(f"#{field.id_for_label}", message) for message in field.errors]
        return summary

    def filter(self, articles):
        """Apply the filters to ``articles``. While any input is invalid nothing is filtered
        (the form is shown again with what was typed and its errors)."""
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
