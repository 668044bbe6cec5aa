"""Settings shared by every environment. Values that differ per deployment come from the
environment (see ``cms.settings.env``); the defaults here suit a developer's machine."""

import datetime

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import BASE_DIR, boolean, cache, choice, database, env, integer, seconds, str_list

PROJECT_DIR = BASE_DIR / "cms"

DEBUG = boolean("DEBUG", default=False)
ALLOWED_HOSTS = str_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = str_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The project's own apps. Imports point one way: cms -> demo -> home -> articles -> widgets.
    "demo",  # the demo-site builder: installed by the project, not packaged
    "home",
    "articles",
    "widgets",
    "images",
    "headless",
    "corsheaders",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "axes",  # admin login lockout after repeated failures (see AXES_* below)
    "csp",  # the Content-Security-Policy header (see CONTENT_SECURITY_POLICY below)
    # Django Ninja's templates and static files: /api/v3/docs/ serves its bundled Swagger UI
    # (Apache-2.0, shipped in the package) instead of loading it from a CDN.
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages: Cache-Control public, Vary without Cookie (PORTAL_PAGE_MAX_AGE).
    # Before the session and locale middleware, so it sees (and trims) the Vary they add.
    "headless.pagecache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # NUL and control characters in ?q= / ?search= become spaces: plain words (vnsearch).
    "vnsearch.middleware.SearchParametersMiddleware",
    # The API answers in ?locale= or Accept-Language (LocaleMiddleware gives it "vi").
    "headless.language.APILanguageMiddleware",
    "headless.problems.APIProblemMiddleware",
    "headless.caching.APICacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_frame",
                "home.context_processors.site_statistics",
            ],
        },
    },
]

DATABASES = {"default": database(default_url=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
CACHES = {"default": cache()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese first, English second, for the UI and for content.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail_vi"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "static_root"))
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

# Wagtail
WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Cổng thông tin")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.PortalImage"
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # /tin-tuc/day-manh-cai-cach/, not percent-encoded Vietnamese
WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_forms.PortalLoginForm"
# Wagtail's database backend (SQLite FTS5 / PostgreSQL full text), folding Vietnamese accents
# on the indexed text and on every query, which is only ever plain words (vnsearch/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "vnsearch.backend"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "doc",
    "odt",
    "ods",
    "pdf",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# The admin works offline (an intranet, no internet): avatars are Wagtail's own image, not an
# external avatar service's, and the admin does not call home for new releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = env.str("WAGTAIL_GRAVATAR_PROVIDER_URL", default="") or None
WAGTAIL_ENABLE_UPDATE_CHECK = boolean("WAGTAIL_ENABLE_UPDATE_CHECK", default=False)
WAGTAILAPI_RICH_TEXT_FORMAT = "html"  # internal links resolved to public URLs

# Headless API
CORS_ALLOWED_ORIGINS = str_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
PORTAL_TRUSTED_PROXY_COUNT = integer("TRUSTED_PROXY_COUNT", 0)
PORTAL_HEADLESS_PREVIEW_URL = env.str("HEADLESS_PREVIEW_URL", default="")
PORTAL_PREVIEW_TOKEN_MAX_AGE = integer("PREVIEW_TOKEN_MAX_AGE", 600)
# Longest time a rendered widget is served from the cache (0: never cached); see
# widgets/fragments.py. Its data changes invalidate it at once.
PORTAL_WIDGET_CACHE_SECONDS = integer("WIDGET_CACHE_SECONDS", 60)
# Per scope, {"ip": rate, "visitor": rate} over headless.ratelimit's defaults (60/m, 20/m).
# The visit beacon fires on every page view a frontend shows, hence its higher rates.
PORTAL_RATE_LIMITS = {"hits": {"ip": "120/m", "visitor": "30/m"}}
# From one address, at most this many new voters per article and new unique visitors count
# (per hour by default; an office behind one NAT can still vote). "" switches the cap off.
PORTAL_NEW_VOTES_PER_ADDRESS = env.str("NEW_VOTES_PER_ADDRESS", default="10/h")
PORTAL_NEW_VISITORS_PER_ADDRESS = env.str("NEW_VISITORS_PER_ADDRESS", default="10/h")
# Webhooks go to public addresses only (not loopback, link-local or private networks) unless
# this is set; production also requires https (cms/settings/production.py).
PORTAL_WEBHOOK_ALLOW_PRIVATE_HOSTS = boolean("WEBHOOK_ALLOW_PRIVATE_HOSTS", default=False)
PORTAL_WEBHOOK_REQUIRE_HTTPS = boolean("WEBHOOK_REQUIRE_HTTPS", default=False)
# An anonymous reader's page may be reused by a CDN or proxy (and the browser) this long;
# publishing purges it at once (below). Signed-in editors always get fresh, private pages.
# The proxy must bypass its cache for requests with the session cookie (the nginx rule is in
# headless/pagecache.py).
PORTAL_PAGE_MAX_AGE = seconds("PAGE_MAX_AGE", 60)
# The visitor figures a page shows are read at most this often (they are counted by the visit
# beacon, /api/v3/stats/hits/; the live figures are /api/v3/stats/).
PORTAL_STATS_CACHE_SECONDS = seconds("STATS_CACHE_SECONDS", 60)
# Purges the reverse proxy/CDN on publish when FRONTEND_CACHE_PURGE_URL names it.
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
        }
    }

# Login guessing (django-axes): after AXES_FAILURE_LIMIT failed sign-ins for one user name
# from one address, that pair is locked out for AXES_COOLOFF_MINUTES. Counted in the cache
# (Redis in production: shared by every app server); no address is written to the database.
# Unlock early: manage.py axes_reset_ip_username <address> <user name> (see README).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = integer("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=integer("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "headless.clientip.client_ip"  # through PORTAL_TRUSTED_PROXY_COUNT
AXES_LOCKOUT_CALLABLE = "cms.lockout.lockout_response"  # cms/templates/axes/lockout.html
AXES_CLIENT_STR_CALLABLE = "cms.lockout.client_str"  # logs a hash, never the address
AXES_VERBOSE = False  # no start-up banner on every manage.py command
AXES_COOLOFF_MESSAGE = _("Sign-in is locked for a while after too many failed attempts.")
# axes.W001 warns of a per-process cache; headless.W001 already requires a shared one in
# production, and a single-process embedded install counts correctly in its own memory.
SILENCED_SYSTEM_CHECKS = ["axes.W001"]

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the admin's JavaScript reads it
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# A strict policy for the public site and the API docs: every script and stylesheet comes from
# the portal itself, nothing inline, so injected markup cannot run. The Wagtail admin has its
# own needs and is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "cms.logging.JSONFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": choice("LOG_FORMAT", ("plain", "json"), default="plain"),
        }
    },
    "root": {
        "handlers": ["console"],
        "level": choice("LOG_LEVEL", ("debug", "info", "warning", "error"), default="info").upper(),
    },
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="cong-thong-tin@localhost")

PORTAL_ITEMS_PER_PAGE = integer("PORTAL_ITEMS_PER_PAGE", 10)
PORTAL_SITE_NAME = _("Provincial e-portal")
FORMAT_MODULE_PATH = ["cms.formats"]
