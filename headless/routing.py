"""Find by path in every language, and the editors' redirects, for a frontend's router.

The site serves Vietnamese at the root and English under ``/en/`` (``i18n_patterns``), but
Wagtail's ``pages/find/`` walks ``html_path`` from the site's root page, so ``/en/news/`` was
not found. Here the language prefix picks the root page's translation first, as Wagtail's
own ``serve`` view does, and the rest of the path is routed from there.

An ``html_path`` that is no page but an editor's redirect (Settings → Redirects) is
answered with the redirect's target, so the frontend can send its reader on (see
``/api/v3/routes/``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import F
from django.db.models.functions import Length
from django.http import Http404
from django.utils import translation
from django.utils.encoding import uri_to_iri
from django.utils.translation import get_language_from_path
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site


def split_language(html_path):
    """(language code, path without its language prefix) as the site's URLs have them: the
    default language has no prefix, the others ``/en/…``."""
    path = "/" + urlsplit(html_path or "").path.lstrip("/")
    language = get_language_from_path(path)
    default = settings.LANGUAGE_CODE
    if language and language != default:
        rest = path[len(language) + 1 :]
        if rest == "" or rest.startswith("/"):
            return language, rest or "/"
    return default, path


def route_page(request, html_path, site=None):
    """The live page the public site would serve at ``html_path`` (any language), or None.

    The caller still checks that the page is public (API querysets do)."""
    site = site or Site.find_for_request(request)
    if site is None or "\x00" in (html_path or ""):
        return None
    language, path = split_language(html_path)
    components = [part for part in path.split("/") if part]
    with translation.override(language):
        root = site.root_page.localized.specific
        try:
            page, _args, _kwargs = root.route(request, components)
        except Http404:
            return None
    return page


def find_redirect(request, html_path, site=None):
    """The editors' redirect from ``html_path`` on ``site`` (the request's by default)."""
    site = site or Site.find_for_request(request)
    if "\x00" in (html_path or ""):  # no stored path has one (PostgreSQL refuses it)
        return None
    path = Redirect.normalise_path(html_path or "/")
    # As Wagtail's redirect middleware: the path with its query string, else without.
    candidates = {path, uri_to_iri(path)}
    without_query = urlsplit(path).path
    candidates |= {without_query, uri_to_iri(without_query)}
    found = (
        Redirect.get_for_site(site)
        .filter(old_path__in=candidates)
        .select_related("redirect_page")
        # the site's own before an all-sites one; the one naming the query string first
        .order_by(F("site_id").asc(nulls_last=True), Length("old_path").desc())
        .first()
    )
    if found is None or found.link is None:
        return None
    return found


def redirect_data(found):
    """What a frontend needs to send its reader on: where, and with which HTTP status."""
    return {
        "id": found.pk,
        "old_path": found.old_path,
        "location": found.link,
        "permanent": found.is_permanent,
        "status_code": 301 if found.is_permanent else 302,
        "page_id": found.redirect_page_id,
    }
