"""The interactive API documentation works offline and under the site's strict
Content-Security-Policy: Swagger UI's assets come from the portal (Django Ninja's bundled
copy), never from a CDN."""

import pytest

from tests.browser.fixtures import browser, site  # noqa: F401
from tests.browser.helpers import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_docs_render_every_operation_and_try_one_out_with_nothing_off_site(browser, site):  # noqa: F811
    with open_page(browser, site, "/api/v3/docs/") as page:
        # The document is large (every page type's schemas): give a busy machine time.
        page.wait_for_selector(".opblock-summary-path", timeout=60_000)
        assert not page.problems, page.problems
        assert page.locator(".opblock").count() > 50
        page.locator('.opblock-summary-path[data-path="/api/v3/theme/"]').click()
        page.get_by_role("button", name="Try it out").click()
        page.get_by_role("button", name="Execute").click()
        status = page.locator(".live-responses-table .response .response-col_status")
        status.first.wait_for(timeout=30_000)
        assert status.first.inner_text().strip() == "200"
        assert not page.problems, page.problems


def test_docs_page_is_served_under_the_strict_policy(client, db):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    html = response.content.decode()
    assert "cdn." not in html and "https://" not in html
    assert "/static/ninja/swagger-ui-bundle.js" in html
