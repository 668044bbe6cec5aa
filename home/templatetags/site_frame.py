"""Data for the site frame (navigation, language switcher), computed here, not in templates."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    current: str = ""  # the aria-current value: "page" for this page, "true" for its section
    language: str = ""


def _home_page(request):
    """The site's home page in the active language (the default language's as a fallback)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return (
        root.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=translation.get_language())
        .first()
        or root
    )


def _current(page, target):
    if page is None:
        return ""
    if page.pk == target.pk:
        return "page"
    return "true" if page.path.startswith(target.path) else ""


@register.simple_tag(takes_context=True)
def primary_navigation(context):
    """The home page and its live, public children in the active language."""
    request = context.get("request")
    home = _home_page(request) if request else None
    if home is None:
        return []
    page = context.get("page")
    current = page if isinstance(page, Page) else None
    # Every page is within the home page: only the home page itself marks its link.
    home_current = "page" if _current(current, home) == "page" else ""
    links = [Link(home.title, home.get_url(request), home_current)]
    for child in home.get_children().live().public():
        url = child.get_url(request)
        if url:
            links.append(Link(child.title, url, _current(current, child)))
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per content language: to this page's live translation when there is one,
    else to that language's home page."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    site = Site.find_for_request(request)
    candidates = []
    if isinstance(page, Page) and page.pk:
        candidates.append(page.get_translations(inclusive=True).live())
    if site is not None:
        candidates.append(site.root_page.get_translations(inclusive=True).live())
    by_locale = {}
    for queryset in reversed(candidates):  # the page's own translations win over home pages
        by_locale.update({p.locale_id: p for p in queryset})
    active = translation.get_language()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    links = []
    for code, name in settings.LANGUAGES:
        locale = locales.get(code)
        target = by_locale.get(locale.pk) if locale else None
        url = target.get_url(request) if target else None
        if url:
            links.append(Link(name, url, "true" if code == active else "", code))
    return links
