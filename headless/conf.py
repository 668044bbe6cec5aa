"""The headless app's settings and their defaults, in one place.

A project sets any of them in its Django settings (the names keep their ``PORTAL_`` prefix);
what it leaves out has the default below. Values are read at each access, so
``override_settings`` in tests and settings changed at runtime are seen at once."""

from django.conf import settings


class AppSettings:
    """Django settings with an app's defaults: ``AppSettings(PORTAL_X=1).PORTAL_X`` is
    ``settings.PORTAL_X`` when the project sets it, else 1. A name without a default is an
    AttributeError, so a misspelt setting fails loudly instead of reading None."""

    def __init__(self, **defaults):
        self._defaults = defaults

    def __getattr__(self, name):
        try:
            default = self._defaults[name]
        except KeyError:
            raise AttributeError(f"{name} is not a setting of this app") from None
        return getattr(settings, name, default)


app_settings = AppSettings(
    # Path prefix -> (cache topics, max-age) pairs replacing the registered cache rules
    # (``headless.caching``); None: the rules the apps registered.
    PORTAL_API_CACHE_RULES=None,
    # Where answers are JSON problems and the API language applies.
    PORTAL_API_PREFIXES=("/api/",),
    # Widths of the image renditions in the API (a srcset: a frontend picks the one that fits).
    PORTAL_API_RENDITION_WIDTHS=(400, 800, 1600),
    PORTAL_HEADLESS_PREVIEW_URL="",
    # Seconds a proxy or CDN may keep an anonymous reader's public page (headless.pagecache),
    # and the paths whose answers are never marked public that way (they cache themselves).
    PORTAL_PAGE_MAX_AGE=60,
    PORTAL_PAGE_CACHE_EXCLUDED_PATHS=("/admin/", "/django-admin/", "/api/"),
    PORTAL_PREVIEW_TOKEN_MAX_AGE=600,
    # scope -> {"ip": rate, "visitor": rate}; a scope left out has the defaults of
    # ``headless.ratelimit.rate_limited``, an empty rate turns that limit off.
    PORTAL_RATE_LIMITS={},
    PORTAL_TRUSTED_PROXY_COUNT=0,
    PORTAL_VISITOR_COOKIE="portal_visitor",
    PORTAL_WEBHOOK_ALLOW_PRIVATE_HOSTS=False,
    PORTAL_WEBHOOK_MAX_ATTEMPTS=6,
    PORTAL_WEBHOOK_REQUIRE_HTTPS=False,
    PORTAL_WEBHOOK_TIMEOUT=5,
    PORTAL_WEBHOOKS_IN_BACKGROUND=True,
)
