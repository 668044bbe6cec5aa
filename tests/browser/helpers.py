"""What the browser tests do to a page: open it as a reader would, run axe, read colours."""

import re
from contextlib import contextmanager
from urllib.parse import urlsplit

from home.contrast import cookie_name
from home.theme import contrast_ratio

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@contextmanager
def open_page(browser, base_url, path="/", *, theme=None, width=1280, javascript=True, **options):
    """A fresh browser context (no cookies but the theme) showing ``path``.

    The page gains ``problems``: Content-Security-Policy violations, script errors, failed
    or off-site sub-resources, everything a reader would notice as something broken."""
    context = browser.new_context(
        base_url=base_url,
        viewport={"width": width, "height": 900},
        java_script_enabled=javascript,
        **options,
    )
    context.set_default_timeout(10_000)
    if theme:
        context.add_cookies([{"name": cookie_name(), "value": theme, "url": base_url}])
    page = context.new_page()
    page.problems = []
    origin = urlsplit(base_url).netloc

    def on_console(message):
        if message.type == "error" and "Failed to load resource" not in message.text:
            page.problems.append(f"console: {message.text}")

    def on_response(response):
        request = response.request
        if urlsplit(response.url).netloc != origin:
            page.problems.append(f"off-site resource: {response.url}")
        elif response.status >= 400 and request.resource_type != "document":
            page.problems.append(f"{response.status} for {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
    page.on("response", on_response)
    try:
        if path is not None:
            page.goto(path)
        yield page
    finally:
        context.close()


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def reader_problems(page):
    """What stands in a reader's way on the open page: axe's violations, the page's own
    errors (``page.problems``) and, for reflow (WCAG 1.4.10), sideways scrolling."""
    problems = axe_violations(page) + page.problems
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
        problems.append("the page scrolls sideways")
    return problems


def tab_until(page, predicate_js, limit=40):
    """Press Tab until the focused element satisfies ``predicate_js`` (a JS function of the
    element); returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate_js})(document.activeElement)"):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached the element")


# Reads an element's colours as drawn: the first opaque background among its ancestors.
_COLOURS_JS = """
([selector, property]) => {
    const element = typeof selector === "string" ? document.querySelector(selector) : selector;
    if (!element) return null;
    let node = element, background = "rgba(0, 0, 0, 0)";
    while (node) {
        const colour = getComputedStyle(node).backgroundColor;
        if (!/rgba\\(.*,\\s*0\\)$/.test(colour) && colour !== "transparent") {
            background = colour;
            break;
        }
        node = node.parentElement;
    }
    const style = getComputedStyle(element);
    return {foreground: style[property], background: background,
            outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth};
}
"""


def _hex(css_colour):
    channels = [int(float(v)) for v in re.findall(r"[\d.]+", css_colour)[:3]]
    return "#" + "".join(f"{c:02x}" for c in channels)


def drawn_contrast(page, selector, property="color"):
    """(ratio, details) of ``property`` (``color`` or ``outlineColor``) of the element at
    ``selector`` against the background it is drawn on."""
    found = page.evaluate(_COLOURS_JS, [selector, property])
    assert found is not None, f"nothing matches {selector}"
    ratio = contrast_ratio(_hex(found["foreground"]), _hex(found["background"]))
    return round(ratio, 2), found
