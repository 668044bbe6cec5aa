"""Reading the environment: every value is checked, and a bad one stops start-up with one
clear sentence (see ``ConfigError``), never a traceback."""

import warnings
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A developer's .env is read if present; real environment variables win over it.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_WEAK_KEY_PREFIXES = ("django-insecure", "change-me", "changeme", "secret")


class ConfigError(ImproperlyConfigured):
    """A setting read from the environment is missing or malformed."""


def boolean(name, default=False):
    raw = env.str(name, default=None)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name} must be one of true/false/1/0/yes/no/on/off, not {raw!r}.")


def integer(name, default):
    raw = env.str(name, default=None)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}.") from None


def seconds(name, default):
    """A duration in whole seconds, 0 or more."""
    value = integer(name, default)
    if value < 0:
        raise ConfigError(f"{name} must be 0 or more seconds, not {value}.")
    return value


def choice(name, choices, default):
    value = env.str(name, default=default).strip().lower()
    if value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def str_list(name, default=()):
    raw = env.str(name, default=None)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def database(default_url):
    url = env.str("DATABASE_URL", default=default_url)
    try:
        with warnings.catch_warnings():  # our message below says it better
            warnings.simplefilter("ignore")
            config = environ.Env.db_url_config(url)
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"DATABASE_URL is not a valid database URL ({exc}).") from None
    if not config.get("ENGINE") or not config.get("NAME"):
        raise ConfigError(
            "DATABASE_URL is not a valid database URL: expected e.g. "
            "postgres://user:password@host:5432/name or sqlite:////path/to/db.sqlite3."
        )
    config.setdefault("CONN_MAX_AGE", integer("CONN_MAX_AGE", 0))
    config["CONN_HEALTH_CHECKS"] = True
    return config


def cache():
    url = env.str("CACHE_URL", default=None) or env.str("REDIS_URL", default=None)
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}
    try:
        config = environ.Env.cache_url_config(url)
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"CACHE_URL/REDIS_URL is not a valid cache URL ({exc}).") from None
    if not config.get("BACKEND"):
        raise ConfigError(
            "CACHE_URL/REDIS_URL is not a valid cache URL: expected redis://host:6379/0."
        )
    return config


def strong_secret_key():
    key = env.str("SECRET_KEY", default="")
    if not key:
        raise ConfigError("SECRET_KEY is not set: production needs a long random secret key.")
    if len(key) < 50 or len(set(key)) < 10 or key.lower().startswith(_WEAK_KEY_PREFIXES):
        raise ConfigError(
            "SECRET_KEY is too weak: use at least 50 random characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    return key


def dev_secret_key():
    """A random key generated once per checkout, so sessions survive a restart."""
    key = env.str("SECRET_KEY", default="")
    if key:
        return key
    key_file = BASE_DIR / ".dev_secret_key"
    if not key_file.exists():
        import secrets

        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()
