"""The news index's filter as a reader uses it on the demo site: an applied date is shown in
its box, an empty result says the filter matched nothing and offers the way back."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.usefixtures("shared_demo")

NEWS = {"vi": "/tin-tuc/", "en": "/en/news/"}


def soup(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(language, message):
    with translation.override(language):
        return gettext(message)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("typed", ["15/09/2021", "2021-09-15"])
def test_an_applied_date_shows_in_its_date_box_as_iso(client, demo, language, typed):
    page = soup(client, NEWS[language], {"date_from": typed})
    field = page.find(id="id_date_from")
    assert field["type"] == "date"
    assert field["value"] == "2021-09-15"
    assert page.find(class_="error-summary") is None
    # Submitting the form again sends the same filter.
    again = soup(client, NEWS[language], {"date_from": field["value"]})
    assert again.find(id="id_date_from")["value"] == "2021-09-15"


def test_a_bad_date_keeps_the_error_summary_and_what_was_typed(client, demo):
    page = soup(client, NEWS["vi"], {"date_from": "2021-13-45"})
    assert [a["href"] for a in page.select(".error-summary a")] == ["#id_date_from"]
    assert page.find(id="id_date_from")["value"] == "2021-13-45"
    assert page.find(class_="filter-status") is None  # nothing is filtered


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_filter_matching_nothing_says_so_and_links_to_the_whole_list(client, demo, language):
    page = soup(client, NEWS[language], {"date_to": "01/01/2000"})
    status = page.find(class_="filter-status")
    assert text(language, "No articles match this filter.") in status.get_text()
    assert text(language, "No articles yet.") not in page.get_text()
    clear = status.find("a")
    assert clear.get_text(strip=True) == text(language, "Clear the filter")
    assert clear["href"] == NEWS[language]
    assert not page.select(".article-list li")


def test_a_filter_with_results_gives_their_count_and_the_way_back(client, demo):
    response = client.get(NEWS["en"], {"date_from": "01/01/2000"})
    count = response.context["articles"].paginator.count
    assert count > 0
    status = BeautifulSoup(response.content.decode(), "html.parser").find(class_="filter-status")
    assert f"{count} articles" in status.get_text()
    assert status.find("a")["href"] == NEWS["en"]


@pytest.mark.parametrize("params", [{}, {"page": "1"}, {"category": ""}])
def test_no_filter_no_status_line(client, demo, params):
    page = soup(client, NEWS["en"], params)
    assert page.find(class_="filter-status") is None
    assert page.select(".article-list li")
