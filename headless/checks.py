"""Deployment checks for what the headless app relies on."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.checks import Warning as CheckWarning

PER_PROCESS_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Cache versions, rate limits and cached responses must be shared by every process."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_BACKENDS:
        return []
    return [
        CheckWarning(
            "The default cache is kept inside each process.",
            hint=(
                "Set CACHE_URL or REDIS_URL (redis://host:6379/0). With several gunicorn "
                "workers or app servers, a per-process cache keeps stale API answers and "
                "rendered blocks after a change made through another process, and counts rate "
                "limits per process."
            ),
            id="headless.W001",
        )
    ]


LANGUAGE_MIDDLEWARE = "headless.language.APILanguageMiddleware"
CACHE_MIDDLEWARE = "headless.caching.APICacheMiddleware"


@register(Tags.caches)
def api_language_before_cache(app_configs, **kwargs):
    """The API cache keys answers by language, so the API's language must be chosen first."""
    middleware = list(settings.MIDDLEWARE)
    if CACHE_MIDDLEWARE not in middleware:
        return []
    cache_at = middleware.index(CACHE_MIDDLEWARE)
    if LANGUAGE_MIDDLEWARE in middleware[:cache_at]:
        return []
    return [
        CheckWarning(
            f"{CACHE_MIDDLEWARE} is installed without {LANGUAGE_MIDDLEWARE} before it.",
            hint=(
                f"Put {LANGUAGE_MIDDLEWARE} after LocaleMiddleware and before "
                f"{CACHE_MIDDLEWARE}: otherwise the API ignores Accept-Language and ?locale= "
                "for its texts while saying Vary: Accept-Language."
            ),
            id="headless.W002",
        )
    ]


@register(Tags.caches)
def cache_rules_name_registered_topics(app_configs, **kwargs):
    """A cache rule's topics must be registered, or a change never renews its answers."""
    from .caching import unregistered_rule_topics

    return [
        Error(
            f"The API cache rule for {prefix} names unregistered topics: {', '.join(topics)}.",
            hint="Register each topic with headless.caching.register_cache_topic.",
            id="headless.E001",
        )
        for prefix, topics in unregistered_rule_topics().items()
    ]
