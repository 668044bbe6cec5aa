"""The design tokens, the theme stylesheet generated from them, and the contrast toggle."""

import re

import pytest
from django.test import Client

from home.contrast import cookie_name
from home.theme import (
    HIGH,
    NORMAL,
    PAIRS,
    PALETTES,
    contrast_ratio,
    pairs,
    theme_css,
    theme_css_version,
    theme_tokens,
)

# The demo site, loaded once for the module; each test runs in a rolled-back transaction.
with_demo = pytest.mark.usefixtures("shared_demo", "db")

SEED_ARTICLE = "/tin-tuc/day-manh-cai-cach-hanh-chinh-giai-doan-2021-2025/"
TOGGLE_URL = "/theme/contrast/"


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#767676", "#767676") == pytest.approx(1)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", [NORMAL, HIGH])
def test_every_colour_pair_meets_its_required_ratio(theme):
    failing = [p for p in pairs(theme) if not p.passes]
    assert not failing, failing


def test_high_contrast_promises_seven_to_one_for_text_and_three_for_focus():
    by_role = {(p.role, p.foreground, p.background): p for p in pairs(HIGH)}
    assert all(p.required == 7.0 for key, p in by_role.items() if key[0] == "text")
    assert all(p.required == 3.0 for key, p in by_role.items() if key[0] == "focus")
    assert min(p.ratio for p in pairs(HIGH) if p.role == "text") >= 7.0


def test_both_palettes_define_every_token_the_pairs_use():
    used = {name for fg, bg, _ in PAIRS for name in (fg, bg)}
    for palette in PALETTES.values():
        assert used <= set(palette)
        assert all(re.fullmatch(r"#[0-9a-f]{6}", value) for value in palette.values())


def test_tokens_as_data_carry_each_pair_with_its_ratio():
    tokens = theme_tokens()
    assert set(tokens) == {NORMAL, HIGH}
    high = tokens[HIGH]
    assert high["colours"]["text"] == PALETTES[HIGH]["text"]
    first = high["pairs"][0]
    assert set(first) >= {"foreground", "background", "role", "ratio", "required", "passes"}


def test_stylesheet_is_generated_from_the_tokens():
    css = theme_css()
    for theme, palette in PALETTES.items():
        for name, value in palette.items():
            assert f"--color-{name}: {value};" in css, (theme, name)
    assert "@media (prefers-contrast: more)" in css
    assert ':root:not([data-theme="normal"])' in css
    assert ':root[data-theme="high"]' in css


def test_stylesheet_is_served_with_a_long_cache(client):
    response = client.get("/theme/tokens.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert response.content.decode() == theme_css()
    assert "max-age=31536000" in response["Cache-Control"]
    assert response["ETag"] == f'"{theme_css_version()}"'


@with_demo
def test_every_page_links_the_current_stylesheet_version(client):
    html = client.get("/").content.decode()
    assert f'href="/theme/tokens.css?v={theme_css_version()}"' in html


# The toggle. The pages are the same for every reader (publicly cached): the choice reaches
# the page as the private choice stylesheet, and the form is checked by its Origin.

OWN_ORIGIN = "http://testserver"
CHOICE_URL = "/theme/choice.css"


@pytest.fixture
def client():
    """A browser on the portal's own pages: its form posts name the portal as their Origin."""
    return Client(headers={"origin": OWN_ORIGIN})


def choice_css(client):
    return client.get(CHOICE_URL).content.decode()


@with_demo
def test_posting_high_sets_a_long_lived_cookie_and_returns_to_the_page(client):
    before = client.get(SEED_ARTICLE).content.decode()
    response = client.post(TOGGLE_URL, {"theme": "high", "next": SEED_ARTICLE})
    assert response.status_code == 303
    assert response["Location"] == SEED_ARTICLE
    cookie = response.cookies[cookie_name()]
    assert cookie.value == "high"
    assert int(cookie["max-age"]) >= 180 * 24 * 3600
    assert cookie["httponly"] and cookie["samesite"] == "Lax"

    page = client.get(SEED_ARTICLE).content.decode()
    assert page == before, "the page itself is the same for every reader"
    assert f'href="{CHOICE_URL}?v={theme_css_version()}"' in page
    css = choice_css(client)
    assert "--theme-choice: high" in css
    assert f"--color-background: {PALETTES[HIGH]['background']}" in css


@with_demo
def test_posting_normal_records_the_explicit_choice(client):
    client.post(TOGGLE_URL, {"theme": "high", "next": "/"})
    response = client.post(TOGGLE_URL, {"theme": "normal", "next": "/"})
    assert response.cookies[cookie_name()].value == "normal"
    css = choice_css(client)
    assert "--theme-choice: normal" in css
    assert f"--color-background: {PALETTES[NORMAL]['background']}" in css


def test_the_choice_stylesheet_is_private_and_revalidated_each_page(client):
    first = client.get(CHOICE_URL)
    assert first["Content-Type"].startswith("text/css")
    assert "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    assert "public" not in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    assert "--theme-choice" not in first.content.decode(), "no choice: the system decides"
    again = client.get(CHOICE_URL, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    client.post(TOGGLE_URL, {"theme": "high", "next": "/"})
    changed = client.get(CHOICE_URL, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200, "a new choice is a new stylesheet"
    assert changed["ETag"] != first["ETag"]


def test_the_choice_outranks_the_system_preference_until_the_script_takes_over():
    from home.theme import choice_css as build

    # Loaded after the token stylesheet, with the same specificity as its
    # prefers-contrast rule (:root:not([…])), so it wins; once contrast.js sets data-theme
    # it no longer applies and the token stylesheet's [data-theme] rules decide.
    assert ":root:not([data-theme]) {" in build(NORMAL)
    assert ':root:not([data-theme="normal"])' in theme_css()
    assert build(None).strip().startswith("/*"), "no declarations without a choice"
    assert build("purple") == build(None)


def test_a_bare_submit_flips_the_current_choice(client):
    assert client.post(TOGGLE_URL).cookies[cookie_name()].value == "high"
    assert client.post(TOGGLE_URL).cookies[cookie_name()].value == "normal"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/path",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "",
    ],
)
def test_an_off_site_next_is_refused(client, target):
    response = client.post(TOGGLE_URL, {"theme": "high", "next": target})
    assert response.status_code == 303
    assert response["Location"] == "/"


def test_a_get_changes_nothing(client):
    response = client.get(TOGGLE_URL, {"theme": "high", "next": "/"})
    assert response.status_code == 405
    assert cookie_name() not in response.cookies


def test_an_unknown_theme_is_refused_with_a_message(client):
    response = client.post(TOGGLE_URL, {"theme": "purple"})
    assert response.status_code == 400
    assert cookie_name() not in response.cookies
    assert "normal" in response.content.decode()
    response = client.post(TOGGLE_URL, {"theme": "purple"}, headers={"accept": "application/json"})
    assert response.status_code == 400 and "detail" in response.json()


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "null"},
        {"referer": "https://evil.example/page/"},
        {},  # a browser names where a form comes from; no name, no change
    ],
)
def test_a_post_from_another_website_is_refused(headers):
    client = Client(enforce_csrf_checks=True, headers=headers)
    refused = client.post(TOGGLE_URL, {"theme": "high", "next": "/"})
    assert refused.status_code == 403
    assert "cổng thông tin" in refused.content.decode()
    assert cookie_name() not in refused.cookies


@pytest.mark.parametrize(
    "headers", [{"origin": OWN_ORIGIN}, {"referer": f"{OWN_ORIGIN}{SEED_ARTICLE}"}]
)
def test_a_post_from_the_portals_own_page_needs_no_csrf_token(headers):
    client = Client(enforce_csrf_checks=True, headers=headers)
    accepted = client.post(TOGGLE_URL, {"theme": "high", "next": "/"})
    assert accepted.status_code == 303
    assert accepted.cookies[cookie_name()].value == "high"


@with_demo
def test_script_requests_get_json_and_the_same_cookie(client):
    response = client.post(TOGGLE_URL, {"theme": "high"}, headers={"accept": "application/json"})
    assert response.status_code == 200
    assert response.json() == {"theme": "high"}
    assert response.cookies[cookie_name()].value == "high"


@with_demo
def test_without_a_choice_the_page_leaves_the_theme_to_the_system(client):
    html = client.get("/").content.decode()
    assert re.search(r"<html lang=\"vi\">", html)
    assert "aria-pressed" not in html, "contrast.js announces the state it reads"
    assert "csrfmiddlewaretoken" not in html


@with_demo
def test_a_tampered_cookie_is_ignored(client):
    client.cookies[cookie_name()] = '"><script>alert(1)</script>'
    html = client.get("/").content.decode()
    assert "data-theme" not in html
    assert "<script>alert" not in html
    assert "--theme-choice" not in choice_css(client)


@pytest.mark.parametrize(("theme", "required"), [(NORMAL, 4.5), (HIGH, 7.0)])
def test_error_text_meets_the_themes_text_contrast(theme, required):
    """Form errors (``.errorlist``, the error summary) are drawn in the ``error`` token."""
    palette = PALETTES[theme]
    for background in ("background", "surface"):
        ratio = contrast_ratio(palette["error"], palette[background])
        assert ratio >= required, (theme, background, round(ratio, 2))
    assert {("error", "background"), ("error", "surface")} <= {
        (p.foreground, p.background) for p in pairs(theme) if p.role == "text"
    }


def test_error_list_is_coloured_by_the_error_token():
    from django.contrib.staticfiles import finders

    with open(finders.find("articles/css/articles.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    rule = re.search(r"\.errorlist\s*\{([^}]*)\}", css).group(1)
    assert "color: var(--color-error)" in rule
