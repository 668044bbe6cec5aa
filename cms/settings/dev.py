from .base import *  # noqa: F403
from .env import boolean, dev_secret_key

DEBUG = boolean("DEBUG", default=True)
SECRET_KEY = dev_secret_key()
ALLOWED_HOSTS = ALLOWED_HOSTS + ["*"]  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
