import tempfile

from .base import *  # noqa: F403
from .env import env

DEBUG = False
SECRET_KEY = "test-only-key-not-used-anywhere-else-0123456789abcdefghijklmnop"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
    if not env.str("CACHE_URL", default="")
    else CACHES["default"]  # noqa: F405
}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# Wagtail's test helper logs in without a request, which django-axes refuses; the lockout
# tests switch it on (tests/test_login_lockout.py).
AXES_ENABLED = False
# The demo's recorded readings and sample forecasts stay at the seed morning in tests.
PORTAL_DEMO_CLOCK = "2021-10-18T07:00:00+07:00"
