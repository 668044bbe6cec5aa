"""Public views of the editorial app: the search page (every content type, with or without
Vietnamese diacritics) and the article rating form's target for readers without JavaScript."""

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from headless import visitors
from headless.caching import bump
from headless.clientip import client_ip
from headless.language import written_in
from headless.origins import same_origin_post
from headless.ratelimit import RateLimited, rate_limited
from vnsearch.text import printable

from .models import ArticlePage
from .models.mixins import with_error_prefix
from .ratings import (
    MAX_SCORE,
    MIN_SCORE,
    NOTICE_INVALID,
    NOTICE_MISSING,
    NOTICE_NETWORK,
    NOTICE_PARAM,
    NOTICE_TOO_MANY,
    RatingNotAllowed,
    TooManyNewVoters,
    rate,
    thanks_token,
)
from .search import body_text, search_pages

MAX_QUERY_LENGTH = 200


class QueryField(forms.CharField):
    """Any text is a query: NUL and other control characters become spaces, and a query
    longer than the box allows (typed into a URL) is searched for its first words
    (``vnsearch.text``) rather than refused."""

    def to_python(self, value):
        return super().to_python(printable(value) if value else value)


class SearchForm(forms.Form):
    q = QueryField(
        label=gettext_lazy("Search for"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )


# Results a page; the query named in the page's <title> and status is cut to this length.
RESULTS_PER_PAGE = 10
SHOWN_QUERY_CHARS = 80
# A result without a description shows the start of its text, this many words.
DESCRIPTION_WORDS = 40


def _hit(page, request):
    """A result as the list shows it; ``page`` is specific (``search_pages``). ``language``
    marks a result in another language than the reader's (``lang_attr``)."""
    return {
        "language": written_in(page),
        "title": page.title,
        "url": page.get_url(request=request),
        "kind": page.get_verbose_name(),
        "description": page.search_description
        or getattr(page, "summary", "")
        or Truncator(body_text(page)).words(DESCRIPTION_WORDS),
    }


def _results_title(query, results):
    if not query:
        return _("Search")
    title = _("Search results for “%(query)s”") % {"query": query}
    if results.number > 1:
        title = _("%(title)s — page %(number)s") % {"title": title, "number": results.number}
    return title


@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    query = ""
    results = None
    if form.is_valid():
        query = " ".join(form.cleaned_data["q"].split())
    if query:
        paginator = Paginator(search_pages(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    shown = Truncator(query).chars(SHOWN_QUERY_CHARS)
    context = {
        "form": form,
        "query": shown,
        "results": results,
        "hits": [_hit(page, request) for page in results] if results else [],
        "page_title": with_error_prefix(_results_title(shown, results), form),
        # The page's own search box is the one to use here: the header leaves out its copy.
        "search_page": True,
    }
    return TemplateResponse(request, "articles/search_results.html", context)


class SeeOther(HttpResponseRedirect):
    status_code = 303  # after a POST the browser fetches the article again with GET


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        choices=[(score, score) for score in range(MIN_SCORE, MAX_SCORE + 1)],
        coerce=int,
        error_messages={
            "required": gettext_lazy("Choose a rating from 1 to 5, then send it."),
            "invalid_choice": gettext_lazy("A rating is a whole number from 1 to 5."),
        },
    )


@rate_limited("rating", visitor_of=lambda request, article, visitor, score: visitor)
def _record_vote(request, article, visitor, score):
    # The same limits ("rating" scope, new voters per address) as the API's POST: one budget
    # per reader, either way.
    return rate(article, visitor, score, address=client_ip(request))


def _back(article, request, outcome):
    # The outcome travels in the query, not in a message: the article page stays the same
    # for every reader (publicly cached), and no session or message cookie is set.
    url = article.get_url(request=request) or "/"
    return SeeOther(f"{url}?{urlencode({NOTICE_PARAM: outcome})}#rating")


@never_cache
@require_POST
@same_origin_post  # no CSRF token on a cached page: the form's Origin is checked instead
def rate_article(request, page_id):
    """Record a reader's vote (1–5) and send them back to the article, whose rating form
    then says how it went (``?rating=``: a signed thanks, or what went wrong)."""
    article = ArticlePage.objects.live().public().filter(pk=page_id).first()
    if article is None:
        raise Http404("No live article has this id.")
    form = RatingForm(request.POST)
    if not form.is_valid():
        missing = form.has_error("score", code="required")
        return _back(article, request, NOTICE_MISSING if missing else NOTICE_INVALID)
    score = form.cleaned_data["score"]
    # The site's readers are identified by a signed, HttpOnly cookie the server issues.
    cookie, new_cookie = visitors.ensure_cookie(request)
    try:
        _record_vote(request, article, visitors.visitor_id(request, header=False), score)
    except TooManyNewVoters:
        return _back(article, request, NOTICE_NETWORK)
    except RateLimited:
        return _back(article, request, NOTICE_TOO_MANY)
    except RatingNotAllowed:
        raise Http404("No live article has this id.") from None
    bump("ratings")
    response = _back(article, request, thanks_token(article.pk, score))
    if new_cookie:
        visitors.set_cookie(response, cookie)
    return response
