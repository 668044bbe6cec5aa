"""Production: gunicorn behind a reverse proxy, whitenoise for static files, PostgreSQL and
Redis shared by stateless app servers. Everything specific comes from the environment."""

from .base import *  # noqa: F403
from .env import boolean, integer, strong_secret_key

DEBUG = boolean("DEBUG", default=False)
SECRET_KEY = strong_secret_key()

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = boolean("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = integer("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = boolean("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
PORTAL_WEBHOOK_REQUIRE_HTTPS = True  # webhook bodies are signed, not secret: never plain http
