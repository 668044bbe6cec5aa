from .base import *  # noqa: F403
from .env import boolean, dev_secret_key, env, integer

DEBUG = boolean("DEBUG", default=True)
SECRET_KEY = dev_secret_key()
ALLOWED_HOSTS = ALLOWED_HOSTS + ["*"]  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run` / `PORT=8311 make run`: the server's port is the one links point at (the demo
# Site, moderation e-mails, API URLs, the sitemap), unless WAGTAILADMIN_BASE_URL says otherwise.
if not env.str("WAGTAILADMIN_BASE_URL", default=""):
    WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = (  # noqa: F405
        f"http://127.0.0.1:{integer('PORT', 8000)}"
    )
