"""WMO weather interpretation codes (as used by Open-Meteo) → text and icon name.

The text is an English msgid translated to Vietnamese in the catalogue; the icon names are
symbols in ``widgets/static/widgets/weather-icons.svg``."""

from django.utils.translation import gettext_lazy as _

# code: (text, icon)
WMO_CODES = {
    0: (_("Clear sky"), "clear"),
    1: (_("Mainly clear"), "clear"),
    2: (_("Partly cloudy"), "partly-cloudy"),
    3: (_("Overcast"), "cloudy"),
    45: (_("Fog"), "fog"),
    48: (_("Freezing fog"), "fog"),
    51: (_("Light drizzle"), "drizzle"),
    53: (_("Drizzle"), "drizzle"),
    55: (_("Heavy drizzle"), "drizzle"),
    56: (_("Light freezing drizzle"), "drizzle"),
    57: (_("Freezing drizzle"), "drizzle"),
    61: (_("Light rain"), "rain"),
    63: (_("Rain"), "rain"),
    65: (_("Heavy rain"), "rain"),
    66: (_("Light freezing rain"), "rain"),
    67: (_("Freezing rain"), "rain"),
    71: (_("Light snow"), "snow"),
    73: (_("Snow"), "snow"),
    75: (_("Heavy snow"), "snow"),
    77: (_("Snow grains"), "snow"),
    80: (_("Light showers"), "showers"),
    81: (_("Showers"), "showers"),
    82: (_("Violent showers"), "showers"),
    85: (_("Light snow showers"), "snow"),
    86: (_("Snow showers"), "snow"),
    95: (_("Thunderstorm"), "thunderstorm"),
    96: (_("Thunderstorm with light hail"), "thunderstorm"),
    99: (_("Thunderstorm with heavy hail"), "thunderstorm"),
}
UNKNOWN = (_("Unknown weather"), "unknown")


def describe(code):
    """``(text, icon)`` for a WMO code; a code outside the table is "unknown", not an error."""
    return WMO_CODES.get(code, UNKNOWN) if code is not None else UNKNOWN


def weather_code_choices():
    return [(code, text) for code, (text, _icon) in WMO_CODES.items()]
