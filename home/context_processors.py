import logging

from django.core.cache import cache
from django.db import DatabaseError
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from headless.caching import version_keys, versions
from headless.numbers import format_number
from widgets.stats.counting import request_statistics

from .conf import app_settings
from .identity import FOOTER_PAGES, TRANSLATED, SiteIdentity
from .theme import theme_css_version

logger = logging.getLogger(__name__)
IDENTITY_SECONDS = 3600


def site_frame(request):
    """What every public page's frame needs: the token stylesheet's version, the portal's
    name and the visit beacon's address. Nothing here depends on the reader (no cookie, no
    session): the page is cached for every anonymous reader alike (headless.pagecache)."""
    return {
        "theme_css_version": theme_css_version(),
        "portal_name": SimpleLazyObject(lambda: str(_identity(request)["name"])),
        "identity": SimpleLazyObject(lambda: _identity(request)),
        "visit_beacon_url": _visit_beacon_url(request),
    }


def _visit_beacon_url(request):
    """Where visit-beacon.js counts the page view: a cached page is never seen by the server,
    so the reader's browser reports it (readers without JavaScript are not counted). None in
    a preview, which is not a visit."""
    if getattr(request, "is_preview", False):
        return None
    try:
        return reverse("wagtailapi_v3:post_hit")
    except NoReverseMatch:  # the site runs without the headless API
        return None


def _settings(request):
    if not hasattr(request, "_site_identity"):
        try:
            request._site_identity = SiteIdentity.for_request(request)
        except DatabaseError:  # the error pages still render, with the default name
            logger.exception("Could not read the site identity")
            request._site_identity = None
    return request._site_identity


def _footer_links(identity, request):
    """The identity's live pages in the footer's order, each in the reader's language when
    translated (else as it is, marked): two reads, whatever the number of links."""
    chosen = [getattr(identity, f"{name}_id") for name in FOOTER_PAGES]
    chosen = [pk for pk in chosen if pk]
    if not chosen:
        return []
    active = translation.get_language()
    pages = Page.objects.live().select_related("locale")
    found = {page.pk: page for page in pages.filter(pk__in=chosen)}
    translated = {
        page.translation_key: page
        for page in pages.filter(
            translation_key__in=[page.translation_key for page in found.values()],
            locale__language_code=active,
        )
    }
    links = []
    for pk in chosen:
        if pk not in found:
            continue
        page = translated.get(found[pk].translation_key, found[pk])
        url = page.get_url(request=request)
        if url:
            language = page.locale.language_code
            lang = "" if language == active else language
            links.append({"title": page.title, "url": url, "lang": lang})
    return links


def _identity(request):
    """The agency's details (see ``_identity_data``), from the shared cache: one entry per
    site and language, renewed when a page, an image or the identity changes (topic
    "pages"), so the frame adds no query to a page view."""
    try:
        site = Site.find_for_request(request)
    except DatabaseError:
        site = None
    if site is None:
        return _identity_data(request)
    found = cache.get_many(version_keys(["pages"]))
    key = f"home:identity:{site.pk}:{translation.get_language()}:{versions(['pages'], found)[0]}"
    data = cache.get(key)
    if data is None:
        data = _identity_data(request)
        cache.set(key, data, IDENTITY_SECONDS)
    return data


def _emblem_html(image):
    try:
        rendition = image.get_rendition("height-56")
    except Exception:  # a missing file must not break every page
        logger.exception("Could not render the emblem")
        return ""
    return rendition.img_tag({"alt": "", "class": "site-name__emblem"})


def _identity_data(request):
    """The agency's details in the reader's language (see ``SiteIdentity.text``): the header
    shows the emblem and name, the footer the contact block and the agency's pages."""
    identity = _settings(request)
    if identity is None:
        return {"name": str(app_settings.PORTAL_SITE_NAME)}
    texts = {name: identity.text(name) for name in TRANSLATED}
    return {
        "name": texts["agency_name"] or str(app_settings.PORTAL_SITE_NAME),
        "parent": texts["parent_body"],
        "emblem_html": _emblem_html(identity.emblem) if identity.emblem_id else "",
        "address": texts["address"],
        "phone": identity.phone,
        "phone_uri": "tel:" + "".join(ch for ch in identity.phone if ch.isdigit() or ch == "+"),
        "fax": identity.fax,
        "email": identity.email,
        "responsible": texts["responsible_person"],
        "licence": texts["licence"],
        "links": _footer_links(identity, request),
    }


def _footer_statistics(request):
    try:
        figures = request_statistics(request)
    except DatabaseError:  # the page still renders, without the figures
        logger.exception("Could not read the visitor statistics")
        return {}
    return {
        "online_now": format_number(figures.online, grouping=True),
        "today": format_number(figures.today, grouping=True),
        "total": format_number(figures.total, grouping=True),
        "as_of": formats.time_format(timezone.localtime(figures.as_of), "H:i"),
        "as_of_iso": timezone.localtime(figures.as_of).isoformat(),
    }


def site_statistics(request):
    """The visitor statistics ("Thống kê") the footer shows on every page, as on the seed
    page: read at most every PORTAL_STATS_CACHE_SECONDS (the page itself is cached as long),
    so they carry the time they were read. Lazy: nothing is read unless a template shows
    them, and a statistics block on the same page reuses the same figures."""
    return {"stats": SimpleLazyObject(lambda: _footer_statistics(request))}
