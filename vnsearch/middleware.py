"""Search boxes' parameters as text a search can use, before any view reads them."""

from .text import printable

SEARCH_PARAMETERS = ("q", "search")


class SearchParametersMiddleware:
    """Turns NUL and other control characters in ``?q=`` and ``?search=`` into spaces, so
    every search (the admin's listings, Wagtail's APIs, the public page) searches the words
    around them instead of refusing the query or failing on it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        dirty = [
            name
            for name in SEARCH_PARAMETERS
            if any(printable(value) != value for value in request.GET.getlist(name))
        ]
        if dirty:
            query = request.GET.copy()
            for name in dirty:
                query.setlist(name, [printable(value) for value in query.getlist(name)])
            request.GET = query
        return self.get_response(request)
