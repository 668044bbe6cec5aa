"""Data for the site frame (navigation, language switcher), computed here, not in templates."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from headless.pages import exclude_private

register = template.Library()


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    current: str = ""  # the aria-current value: "page" for this page, "true" for its section
    language: str = ""
    # When this page has no translation in ``language``: why the link goes to that language's
    # home page instead, in that language ("This page is only in Vietnamese.").
    note: str = ""


def _home_pages(request):
    """The site and its live home page in every language, read once per request (the
    navigation and the language switcher both need them)."""
    if not hasattr(request, "_portal_home_pages"):
        site = Site.find_for_request(request)
        homes = []
        if site is not None:
            homes = list(
                site.root_page.get_translations(inclusive=True)
                .live()
                .select_related("locale")
                .order_by("path")
            )
        request._portal_home_pages = (site, homes)
    return request._portal_home_pages


def _home_page(request):
    """The site's home page in the active language (the default language's as a fallback)."""
    site, homes = _home_pages(request)
    if site is None:
        return None
    active = translation.get_language()
    return next((p for p in homes if p.locale.language_code == active), None) or site.root_page


def _current(page, target):
    if page is None:
        return ""
    if page.pk == target.pk:
        return "page"
    return "true" if page.path.startswith(target.path) else ""


@register.simple_tag(takes_context=True)
def primary_navigation(context):
    """The home page and its live, public children ticked "show in menus", in the active
    language and in menu order (the order of the page tree, which editors arrange)."""
    request = context.get("request")
    home = _home_page(request) if request else None
    if home is None:
        return []
    page = context.get("page")
    current = page if isinstance(page, Page) else None
    # Every page is within the home page: only the home page itself marks its link.
    home_current = "page" if _current(current, home) == "page" else ""
    links = [Link(home.title, home.get_url(request), home_current)]
    for child in exclude_private(home.get_children().live().in_menu().order_by("path")):
        url = child.get_url(request)
        if url:
            links.append(Link(child.title, url, _current(current, child)))
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per content language: to this page's live translation when there is one,
    else to that language's home page, then named and explained as such in that language
    (a reader of English on a page only in Vietnamese learns why English shows no article)."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    site, homes = _home_pages(request)
    by_language = {home.locale.language_code: home for home in homes}
    is_home = any(isinstance(page, Page) and page.pk == home.pk for home in homes)
    languages = set()
    if isinstance(page, Page) and page.pk and not is_home:
        # The page's own translations win over home pages.
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        translated = {p.locale.language_code: p for p in translations}
        by_language.update(translated)
        languages = set(translated)
    active = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        target = by_language.get(code)
        url = target.get_url(request) if target else None
        if not url:
            continue
        if languages and code not in languages:
            links.append(_home_instead(code, url, languages))
        else:
            links.append(Link(name, url, "true" if code == active else "", code))
    return links


def _home_instead(code, url, languages):
    """The link to ``code``'s home page from a page not translated into it, in ``code``."""
    with translation.override(code):
        names = [
            str(translation.get_language_info(other)["name_translated"])
            for other, _name in settings.LANGUAGES
            if other in languages
        ]
        title = gettext("%(language)s home page") % {
            "language": translation.get_language_info(code)["name_local"]
        }
        note = gettext("This page is only in %(languages)s.") % {"languages": ", ".join(names)}
    return Link(title, url, "", code, note)
