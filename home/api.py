"""/api/v3/theme/: the site's design tokens, so other sites can offer the same normal and
high-contrast themes. The same tokens generate this site's stylesheet (home.theme)."""

from typing import Literal

from ninja import Router, Schema

from .theme import theme_tokens

router = Router(tags=["theme"])


class ColourPair(Schema):
    foreground: str
    background: str
    role: Literal["text", "ui", "focus"]
    ratio: float
    required: float
    passes: bool


class Theme(Schema):
    label: str
    colours: dict[str, str]
    sizes: dict[str, str]
    pairs: list[ColourPair]


class Themes(Schema):
    normal: Theme
    high: Theme


@router.get("/", response=Themes, summary="Design tokens of the normal and high-contrast themes")
def get_theme(request):
    tokens = theme_tokens()
    return {name: tokens[name] for name in ("normal", "high")}
