"""The skeleton of the demo site: locales, one home page per language, the Site record."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.models import HomePage

from .translation import ensure_locale, sync_translation, translate_page

HOME_SLUG = "trang-chu"
HOME = {
    "vi": {"title": "Trang chủ", "intro": "Cổng thông tin điện tử của Văn phòng tỉnh."},
    "en": {"title": "Home", "intro": "The e-portal of the Provincial Office."},
}


def _remove_wagtail_welcome_page(root):
    for child in root.get_children():
        if child.specific_class is Page:
            child.delete()


def build_home(stdout):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        ensure_locale(code)
    vi = Locale.objects.get(language_code="vi")
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=vi, depth=2).first()
    if home is None:
        _remove_wagtail_welcome_page(root)
        home = HomePage(slug=HOME_SLUG, locale=vi, **HOME["vi"])
        root.add_child(instance=home)
        home.save_revision().publish()
        stdout.write("Created the Vietnamese home page.")

    # The site's address is the one the admin is told it is served at (page URLs, feeds).
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    wanted = {
        "hostname": base.hostname or "localhost",
        "port": base.port or (443 if base.scheme == "https" else 80),
        "root_page_id": home.pk,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if any(getattr(site, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()

    translate_page(home, "en", _english())
    return home


def _english():
    return {HOME["vi"][key]: HOME["en"][key] for key in HOME["vi"]} | {HOME_SLUG: "home"}


def feature_lead_story(home, article, stdout):
    """Lead the home page with ``article`` unless a lead story is chosen already; the English
    home page gets the choice (a page link) by wagtail-localize's sync and shows its English
    translation. ``home`` is the instance the rest of the build saves: it keeps the choice."""
    if home.featured_article_id is not None:
        return
    home.featured_article = article
    home.save_revision().publish()
    sync_translation(home, "en", _english())
    stdout.write("Chose the seed article as the home page's lead story.")
