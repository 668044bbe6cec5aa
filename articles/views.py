"""The public search page: every content type, with or without Vietnamese diacritics."""

from django import forms
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from .search import search_pages

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


def _hit(page, request):
    specific = page.specific_deferred
    return {
        "title": page.title,
        "url": page.get_url(request=request),
        "kind": specific.get_verbose_name(),
        "description": page.search_description or getattr(specific, "summary", ""),
    }


@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    query = ""
    results = None
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
    if query:
        paginator = Paginator(search_pages(query), 10)
        results = paginator.get_page(request.GET.get("page"))
    hits = [_hit(page, request) for page in results] if results else []
    context = {"form": form, "query": query, "results": results, "hits": hits}
    return TemplateResponse(request, "articles/search_results.html", context)
