"""The widgets app's settings and their defaults, in one place (see ``headless.conf``)."""

from headless.conf import AppSettings

app_settings = AppSettings(
    # A new address past this many distinct new visitors (a rate, "10/h") counts as one
    # visitor; "" turns the cap off.
    PORTAL_NEW_VISITORS_PER_ADDRESS="10/h",
    # The longest the visitor figures shown on pages are reused (they say when they were read).
    PORTAL_STATS_CACHE_SECONDS=60,
    # The longest a rendered widget is kept (its clock-dependent "stale" marks and ages).
    PORTAL_WIDGET_CACHE_SECONDS=60,
    PORTAL_WEATHER_PROVIDER="widgets.weather.providers.OpenMeteoProvider",
    PORTAL_WEATHER_STALE_AFTER_HOURS=3,
)
