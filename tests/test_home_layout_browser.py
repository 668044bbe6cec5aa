"""The home page as a reader sees it, in Debian's Chromium (Playwright) with the demo loaded:
short enough on a desktop, the salinity table early on a phone, no column far longer than
its neighbour, station names whole, 7-day charts with a caption and axis labels, a zero
reading drawn, images below the fold loaded lazily, Vietnamese names marked on the English
site, and no axe violation in either theme at either width."""

import re

import pytest

from tests.browser.fixtures import browser, site  # noqa: F401
from tests.browser.helpers import axe_violations, open_page
from tests.browser.pages import THEMES, WIDTHS

# django_db: each test reads the module's committed demo inside a rolled-back transaction.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

DESKTOP, NARROW = WIDTHS["desktop"], WIDTHS["narrow"]
VIEWPORT_HEIGHT = 900  # open_page's viewport
MAX_DESKTOP_HEIGHT = 4100  # 4000 before the bands' visible headings (three, ~40 px each)
SALINITY_WITHIN_ON_A_PHONE = 5000
MAX_COLUMN_GAP = 800  # how far one column may end before its neighbour
ZERO_STATION = "TG-BATAI"  # made to read 0 g/l all week, and to lose its English name
ZERO_STATION_NAME = "Bà Tài"
SALINITY_TABLE = ".widget-monitoring--salinity table"


@pytest.fixture(scope="module")
def portal(browser, site, django_db_blocker):  # noqa: F811
    """(browser, address) of the demo portal, one salinity station reading 0 g/l every day
    and having no English name (committed; ``site`` puts the database back afterwards)."""
    from headless.caching import bump
    from widgets.monitoring.models import Metric, Reading, Station

    with django_db_blocker.unblock():
        station = Station.objects.get(code=ZERO_STATION)
        station.name_en = ""
        station.save()
        Reading.objects.filter(station=station, metric=Metric.SALINITY).update(value=0)
        bump("readings")  # a bulk update sends no signal
    return browser, site


def top_of(page, selector):
    return page.evaluate(
        "s => { const e = document.querySelector(s);"
        " return e ? e.getBoundingClientRect().top + window.scrollY : null; }",
        selector,
    )


def test_desktop_page_is_short_and_shows_salinity_without_a_long_scroll(portal):
    with open_page(*portal, "/", width=DESKTOP) as page:
        height = page.evaluate("document.documentElement.scrollHeight")
        salinity = top_of(page, SALINITY_TABLE)
    assert height <= MAX_DESKTOP_HEIGHT, f"the home page is {height} px tall at {DESKTOP} px"
    assert salinity is not None and salinity < 2 * VIEWPORT_HEIGHT, salinity


@pytest.mark.parametrize("path", ["/", "/en/"], ids=["vi", "en"])
def test_on_a_phone_the_salinity_table_starts_early_and_every_table_fits(portal, path):
    with open_page(*portal, path, width=NARROW) as page:
        salinity = top_of(page, SALINITY_TABLE)
        sideways = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        tables_fit = page.evaluate(
            """() => Array.from(document.querySelectorAll('.widget-table')).every(table =>
                table.getBoundingClientRect().right
                <= table.parentElement.getBoundingClientRect().right + 1
                && table.parentElement.scrollWidth <= table.parentElement.clientWidth)"""
        )
    assert salinity is not None and salinity < SALINITY_WITHIN_ON_A_PHONE, salinity
    assert not sideways, "the page scrolls sideways at 360 px"
    assert tables_fit, "a widget's table runs out of its card"


def test_on_a_phone_one_link_at_the_top_leads_to_the_live_data(portal):
    from playwright.sync_api import expect

    with open_page(*portal, "/", width=NARROW) as page:
        jump = page.locator(".home__jump a")
        box = jump.bounding_box()
        assert box and box["y"] + box["height"] <= VIEWPORT_HEIGHT, "in the first screen"
        expect(page.locator(SALINITY_TABLE)).not_to_be_in_viewport()
        jump.click()
        expect(page.locator("#band-live")).to_be_in_viewport()
        expect(page.locator(".widget-monitoring--salinity .widget__heading")).to_be_in_viewport()


# The bottoms of the columns of each grid on the page: children grouped by their left edge.
COLUMN_BOTTOMS_JS = """
() => Array.from(document.querySelectorAll('.home-news__grid, .home-band__grid')).map(grid => {
    const bottoms = {};
    for (const child of grid.children) {
        const box = child.getBoundingClientRect();
        const left = Math.round(box.left);
        bottoms[left] = Math.max(bottoms[left] || 0, box.bottom);
    }
    return {grid: grid.parentElement.className, bottoms: Object.values(bottoms)};
})
"""


def test_no_column_ends_far_before_its_neighbour(portal):
    with open_page(*portal, "/", width=DESKTOP) as page:
        grids = page.evaluate(COLUMN_BOTTOMS_JS)
    assert len(grids) >= 3, grids  # the news and at least two bands of widgets
    assert any(len(grid["bottoms"]) >= 2 for grid in grids), "wide screens use columns"
    for grid in grids:
        gap = max(grid["bottoms"]) - min(grid["bottoms"])
        assert gap <= MAX_COLUMN_GAP, f"{grid['grid']}: columns end {gap:.0f} px apart"


# Every word of every station name (the row header's own text) and the lines it is drawn on.
SPLIT_WORDS_JS = """
() => {
    const split = [];
    let words = 0;
    for (const cell of document.querySelectorAll('.widget-table th[scope=row]')) {
        const text = cell.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) continue;
        for (const match of text.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set(Array.from(range.getClientRects())
                .filter(rect => rect.width > 0).map(rect => Math.round(rect.top)));
            words += 1;
            if (lines.size !== 1) split.push(`${text.textContent.trim()}: ${match[0]}`);
        }
    }
    return {words, split};
}
"""


@pytest.mark.parametrize(
    ("width", "font_size"),
    [(NARROW, "100%"), (DESKTOP, "100%"), (DESKTOP, "200%")],
    ids=["360px", "1280px", "1280px-text-200%"],
)
def test_station_names_never_break_inside_a_word(portal, width, font_size):
    with open_page(*portal, "/", width=width) as page:
        page.evaluate("size => { document.documentElement.style.fontSize = size; }", font_size)
        found = page.evaluate(SPLIT_WORDS_JS)
    assert found["words"] >= 8, "the salinity and water-level tables list their stations"
    assert not found["split"], found["split"]


CHARTS_JS = """
() => Array.from(document.querySelectorAll('.widget-chart-figure')).map(figure => {
    const visible = e => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
    };
    const caption = figure.querySelector('figcaption');
    const svg = figure.querySelector('svg');
    const texts = cls => Array.from(figure.querySelectorAll(cls))
        .filter(visible).map(e => e.textContent);
    return {
        caption: caption && visible(caption) ? caption.textContent.trim() : "",
        role: svg.getAttribute('role'),
        label: svg.getAttribute('aria-label') || "",
        days: texts('.widget-chart__day'),
        ticks: texts('.widget-chart__tick'),
        values: texts('.widget-chart__value'),
    };
})
"""


@pytest.mark.parametrize("width", [DESKTOP, NARROW], ids=["1280px", "360px"])
def test_every_chart_has_a_visible_caption_and_axis_labels(portal, width):
    with open_page(*portal, "/", width=width) as page:
        charts = page.evaluate(CHARTS_JS)
    assert len(charts) >= 8, "a chart per station of both tables"
    for chart in charts:
        assert chart["caption"], chart
        assert chart["role"] == "img" and chart["label"], chart
        assert len(chart["days"]) == 7, chart
        assert all(re.fullmatch(r"\d{2}/\d{2}", day) for day in chart["days"]), chart
        assert "0" in chart["ticks"], chart  # the baseline
        assert {"g/l", "m"} & set(chart["ticks"]), chart  # the y axis's unit
        assert len(chart["values"]) == 7, chart


ZERO_ROW_JS = """
name => {
    const cell = Array.from(document.querySelectorAll('.widget-monitoring--salinity th[scope=row]'))
        .find(th => th.firstChild.textContent.trim() === name);
    if (!cell) return null;
    const row = cell.closest('tr');
    const chart = row.nextElementSibling.querySelector('svg');
    const background = getComputedStyle(chart.closest('.widget')).backgroundColor;
    return {
        value: row.querySelector('.widget-table__value').textContent.trim(),
        marks: Array.from(chart.querySelectorAll('.widget-chart__bar')).map(bar => {
            const box = bar.getBoundingClientRect();
            return {width: box.width, height: box.height, fill: getComputedStyle(bar).fill,
                    zero: bar.classList.contains('widget-chart__bar--zero')};
        }),
        labels: Array.from(chart.querySelectorAll('.widget-chart__value')).map(t => t.textContent),
        background: background,
    };
}
"""


@pytest.mark.parametrize("theme", THEMES)
def test_a_zero_reading_is_drawn_as_a_visible_mark(portal, theme):
    with open_page(*portal, "/", theme=theme, width=NARROW) as page:
        row = page.evaluate(ZERO_ROW_JS, ZERO_STATION_NAME)
    assert row is not None, f"{ZERO_STATION_NAME} is in the salinity table"
    assert row["value"] == "0 g/l"
    assert len(row["marks"]) == 7 and all(mark["zero"] for mark in row["marks"]), row
    for mark in row["marks"]:
        assert mark["height"] >= 2 and mark["width"] >= 10, mark
        assert mark["fill"] != row["background"], mark
    assert row["labels"] == ["0"] * 7


IMAGES_JS = """
() => Array.from(document.querySelectorAll('main img')).map(img => ({
    top: img.getBoundingClientRect().top + window.scrollY,
    loading: img.getAttribute('loading'),
    lead: img.classList.contains('home-lead__image'),
    alt: img.getAttribute('alt'),
    linked: Boolean(img.closest('a')),
    src: img.getAttribute('src'),
}))
"""


@pytest.mark.parametrize("width", [DESKTOP, NARROW], ids=["1280px", "360px"])
def test_images_below_the_fold_load_lazily_and_the_lead_picture_at_once(portal, width):
    with open_page(*portal, "/", width=width) as page:
        images = page.evaluate(IMAGES_JS)
    [lead] = [image for image in images if image["lead"]]
    assert lead["loading"] != "lazy" and lead["top"] < VIEWPORT_HEIGHT, lead
    below = [image for image in images if image["top"] >= VIEWPORT_HEIGHT]
    assert len(below) >= 4, "the news thumbnails and the teasers are below the fold"
    eager = [image["src"] for image in below if image["loading"] != "lazy"]
    assert not eager, eager
    # Pictures beside a title that names the link are decorative: they repeat no link text.
    assert all(image["alt"] == "" for image in images if image["linked"] or image["lead"])


def test_english_home_page_marks_vietnamese_only_names(portal):
    with open_page(*portal, "/en/", width=DESKTOP) as page:
        assert page.locator("html").get_attribute("lang") == "en"
        titles = page.locator(".widget-teasers__title[lang=vi]").all_inner_texts()
        station = page.locator(
            ".widget-monitoring--salinity th[scope=row]", has_text=ZERO_STATION_NAME
        )
        station_lang = station.get_attribute("lang")
        english_station = page.locator(
            ".widget-monitoring--salinity th[scope=row]", has_text="Vam Kenh"
        ).get_attribute("lang")
    assert titles and all(
        re.search(r"[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]", t.lower()) for t in titles
    ), titles
    assert station_lang == "vi", "a station without an English name keeps its Vietnamese one"
    assert english_station is None


@pytest.mark.parametrize("path", ["/", "/en/"], ids=["vi", "en"])
def test_home_page_has_no_accessibility_violations_in_either_theme_at_either_width(portal, path):
    found = {}
    for theme in THEMES:
        for width in (DESKTOP, NARROW):
            with open_page(*portal, path, theme=theme, width=width) as page:
                problems = axe_violations(page) + page.problems
            if problems:
                found[f"{theme} theme, {width} px"] = problems
    assert not found, found
