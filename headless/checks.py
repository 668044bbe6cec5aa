"""Deployment checks for what the headless app relies on."""

from django.conf import settings
from django.core.checks import Tags, register
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
                "widgets after a change made through another process, and counts rate "
                "limits per process."
            ),
            id="headless.W001",
        )
    ]
