"""The news filter as Chromium draws it: controls large enough to hit (44 px), in the theme's
colours at a readable contrast, on one line on a wide screen and wrapping on a phone."""

import pytest

from home.theme import HIGH, NORMAL, REQUIRED_RATIO, TEXT
from tests.browser.fixtures import browser, site  # noqa: F401
from tests.browser.helpers import drawn_contrast, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CONTROLS = ("#id_category", "#id_date_from", "#id_date_to", ".filter-form button")


@pytest.mark.parametrize("theme", [NORMAL, HIGH])
def test_the_filter_controls_are_44px_in_a_row_in_theme_colours(browser, site, theme):  # noqa: F811
    with open_page(browser, site, "/tin-tuc/?date_from=15/09/2021", theme=theme) as page:
        boxes = [page.locator(selector).bounding_box() for selector in CONTROLS]
        assert all(box["height"] >= 44 for box in boxes), boxes
        bottoms = {round(box["y"] + box["height"]) for box in boxes}
        assert len(bottoms) == 1, boxes  # one row, bottom-aligned
        assert page.locator("#id_date_from").input_value() == "2021-09-15"
        ratio, found = drawn_contrast(page, ".filter-form button")
        assert ratio >= REQUIRED_RATIO[theme][TEXT], found


def test_on_a_phone_the_filter_wraps_inside_the_screen(browser, site):  # noqa: F811
    with open_page(browser, site, "/tin-tuc/?date_from=2021-13-45", width=360) as page:
        assert page.locator(".error-summary").is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360
        for selector in CONTROLS:
            box = page.locator(selector).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (selector, box)
