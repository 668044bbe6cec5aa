"""Production settings, served over plain HTTP on loopback for benchmarks, plus a bare
Django JSON view to compare against. Never used to serve anything real."""

import os

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# One load generator on one address would be rate-limited at once.
PORTAL_RATE_LIMITS = {scope: {"ip": "", "visitor": ""} for scope in ("visitor", "rating", "hits")}
if os.environ.get("BENCH_API_CACHE") == "off":
    MIDDLEWARE = [m for m in MIDDLEWARE if m != "headless.caching.APICacheMiddleware"]  # noqa: F405
