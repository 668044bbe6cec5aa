"""The contrast toggle and the theme stylesheet generated from the design tokens."""

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .contrast import THEMES, chosen_theme, remember_theme
from .theme import HIGH, NORMAL, theme_css, theme_css_version


class SeeOther(HttpResponseRedirect):
    status_code = 303  # after a POST the browser fetches the page again with GET


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _safe_next(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@never_cache
@require_POST
def set_contrast(request):
    """Remember the reader's theme and send them back to the page they were on.

    Without JavaScript the form posts here and is redirected back; the page is then rendered
    in the chosen theme. With JavaScript the same form is posted by fetch, asking for JSON."""
    theme = request.POST.get("theme")
    if not theme:  # a bare submit flips the current choice
        theme = NORMAL if chosen_theme(request) == HIGH else HIGH
    if theme not in THEMES:
        message = _("Unknown theme: choose “high” or “normal”.")
        if _wants_json(request):
            return JsonResponse({"detail": message}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    if _wants_json(request):
        response = JsonResponse({"theme": theme})
    else:
        response = SeeOther(_safe_next(request))
    return remember_theme(response, theme)


@require_GET
def theme_stylesheet(request):
    """The design tokens as CSS custom properties; the URL carries their hash, so it may be
    cached for a year."""
    response = HttpResponse(theme_css(), content_type="text/css; charset=utf-8")
    response["ETag"] = f'"{theme_css_version()}"'
    patch_cache_control(response, public=True, max_age=365 * 24 * 60 * 60, immutable=True)
    return response
