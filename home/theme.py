"""Design tokens of the public site: the normal and the high-contrast palette.

The one source of truth for colours: the stylesheet is generated from these tokens
(``theme_css``), and the API's theme endpoint serialises them (``theme_tokens``). Every
colour pair the site actually draws is listed with the WCAG 2 contrast ratio it must meet,
so a palette that breaks the promise fails a test instead of a reader."""

import hashlib
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext_lazy as _

HIGH = "high"
NORMAL = "normal"

# What each pair is drawn as, and the minimum ratio per theme (WCAG 1.4.3/1.4.6, 1.4.11, 2.4.13).
TEXT, UI, FOCUS = "text", "ui", "focus"
REQUIRED_RATIO = {
    NORMAL: {TEXT: 4.5, UI: 3.0, FOCUS: 3.0},
    HIGH: {TEXT: 7.0, UI: 3.0, FOCUS: 3.0},
}

# (foreground token, background token, role): every combination the stylesheet uses.
PAIRS = (
    ("text", "background", TEXT),
    ("text", "surface", TEXT),
    ("text-muted", "background", TEXT),
    ("text-muted", "surface", TEXT),
    ("heading", "background", TEXT),
    ("heading", "surface", TEXT),
    ("link", "background", TEXT),
    ("link", "surface", TEXT),
    ("error", "background", TEXT),
    ("error", "surface", TEXT),
    ("header-text", "header-background", TEXT),
    ("nav-text", "nav-background", TEXT),
    ("button-text", "button-background", TEXT),
    ("border", "background", UI),
    ("border", "surface", UI),
    ("button-background", "background", UI),
    ("focus", "background", FOCUS),
    ("focus", "surface", FOCUS),
    ("header-focus", "header-background", FOCUS),
    ("header-focus", "nav-background", FOCUS),
)

PALETTES = {
    NORMAL: {
        "background": "#ffffff",
        "surface": "#f3f5f7",
        "text": "#1b1b1b",
        "text-muted": "#4a4a4a",
        "heading": "#7a0000",
        "link": "#0b4f8a",
        "error": "#a40000",
        "border": "#767676",
        "focus": "#b35c00",
        "header-background": "#8b0000",
        "header-text": "#ffffff",
        "header-focus": "#ffd84d",
        "nav-background": "#5c0000",
        "nav-text": "#ffffff",
        "button-background": "#0b4f8a",
        "button-text": "#ffffff",
    },
    HIGH: {
        "background": "#000000",
        "surface": "#0d0d0d",
        "text": "#ffffff",
        "text-muted": "#e6e6e6",
        "heading": "#ffff00",
        "link": "#ffff00",
        "error": "#ff9999",
        "border": "#ffffff",
        "focus": "#00ffff",
        "header-background": "#000000",
        "header-text": "#ffffff",
        "header-focus": "#00ffff",
        "nav-background": "#000000",
        "nav-text": "#ffff00",
        "button-background": "#ffff00",
        "button-text": "#000000",
    },
}

LABELS = {NORMAL: _("Normal"), HIGH: _("High contrast")}
# Sizes that carry accessibility promises (focus indicator thickness, readable line height).
SIZES = {"focus-width": "3px", "focus-offset": "2px", "line-height": "1.6"}


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour):
    """WCAG 2 relative luminance of ``#rrggbb``."""
    hex_colour = hex_colour.lstrip("#")
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(foreground, background):
    """WCAG 2 contrast ratio between two ``#rrggbb`` colours, from 1 to 21."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Pair:
    foreground: str
    background: str
    role: str
    ratio: float
    required: float

    @property
    def passes(self):
        return self.ratio >= self.required


def pairs(theme):
    colours = PALETTES[theme]
    return [
        Pair(
            foreground=fg,
            background=bg,
            role=role,
            ratio=round(contrast_ratio(colours[fg], colours[bg]), 2),
            required=REQUIRED_RATIO[theme][role],
        )
        for fg, bg, role in PAIRS
    ]


def theme_tokens():
    """The tokens as plain data, for the API: colours, sizes and each pair's ratio."""
    return {
        theme: {
            "label": str(LABELS[theme]),
            "colours": dict(colours),
            "sizes": dict(SIZES),
            "pairs": [pair.__dict__ | {"passes": pair.passes} for pair in pairs(theme)],
        }
        for theme, colours in PALETTES.items()
    }


def _declarations(theme, indent="    "):
    scheme = "dark" if theme == HIGH else "light"
    lines = [f"{indent}color-scheme: {scheme};"]
    lines += [f"{indent}--color-{name}: {value};" for name, value in PALETTES[theme].items()]
    return "\n".join(lines)


@cache
def theme_css():
    """Custom properties for both themes, the same for every reader (cached for a year).
    Without a choice the system's ``prefers-contrast: more`` decides; the reader's choice comes
    from ``choice_css`` (a second, private stylesheet) and, once contrast.js runs, from
    ``<html data-theme>``."""
    sizes = "\n".join(f"    --{name}: {value};" for name, value in SIZES.items())
    return (
        "/* Generated from home/theme.py: edit the tokens there, not here. */\n"
        f":root {{\n{_declarations(NORMAL)}\n{sizes}\n}}\n"
        "@media (prefers-contrast: more) {\n"
        f'  :root:not([data-theme="{NORMAL}"]) {{\n{_declarations(HIGH, " " * 4)}\n  }}\n'
        "}\n"
        f':root[data-theme="{HIGH}"] {{\n{_declarations(HIGH)}\n}}\n'
    )


def choice_css(theme):
    """The reader's own choice (``HIGH``, ``NORMAL`` or None), loaded after ``theme_css``. It
    applies only until contrast.js sets ``data-theme``, and names the choice in
    ``--theme-choice`` for that script (the cookie is HttpOnly)."""
    if theme not in PALETTES:
        return "/* No contrast chosen: the system's preference applies. */\n"
    return (
        f":root {{ --theme-choice: {theme}; }}\n"
        f":root:not([data-theme]) {{\n{_declarations(theme)}\n}}\n"
    )


@cache
def theme_css_version():
    return hashlib.sha256(theme_css().encode()).hexdigest()[:12]
