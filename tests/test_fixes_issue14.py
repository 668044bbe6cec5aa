"""Issue 14, "fix on the way": the news filter's error summary, the gallery's figure markup,
decorative pictures in linked cards, and demo data that looks current and says it is a sample."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.translation import gettext

from articles.models import GalleryImage, GalleryPage
from articles.teasers import GalleryTeaserBlock

from .factories_articles import make_article, make_category, make_image, make_site, publish


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def news(db):
    tree = make_site()
    farming = make_category("Nông nghiệp", "nong-nghiep")
    for day in (1, 20):
        make_article(tree["news"], f"Bài ngày {day}", datetime.date(2021, 9, day))
    make_article(tree["news"], "Bài nông nghiệp", datetime.date(2021, 9, 5), [farming])
    return tree["news"]


def test_a_bad_date_gets_an_error_summary_that_links_to_the_field(news, client):
    page = soup(client.get(news.url, {"date_from": "32/13/2021", "category": "nong-nghiep"}))
    summary = page.find(class_="error-summary")
    assert summary["role"] == "alert"
    with translation.override("vi"):
        title = gettext("There is a problem")  # "Có lỗi" once the catalogue has it
    assert summary.find("h2").get_text(strip=True) == title
    links = [a["href"] for a in summary.find_all("a")]
    assert links == ["#id_date_from"]
    # The summary comes before the form it is about.
    assert summary.find_next("form", class_="filter-form") is not None


def test_the_bad_field_keeps_what_was_typed_and_carries_its_error(news, client):
    page = soup(client.get(news.url, {"date_from": "32/13/2021", "category": "nong-nghiep"}))
    field = page.find(id="id_date_from")
    assert field["value"] == "32/13/2021"
    assert field["type"] == "text"  # a date input would show the browser's empty picker
    assert field["aria-invalid"] == "true"
    error = page.find(id=field["aria-describedby"])
    assert "errorlist" in error["class"] and "15/09/2021" in error.get_text()
    # The valid field keeps its choice; the other date is not marked.
    assert page.find(id="id_category").find("option", selected=True)["value"] == "nong-nghiep"
    assert not page.find(id="id_date_to").has_attr("aria-invalid")


def test_no_filter_is_applied_until_the_errors_are_fixed(news, client):
    bad = client.get(news.url, {"date_from": "32/13/2021", "category": "nong-nghiep"})
    assert len(bad.context["articles"]) == 3
    with translation.override("vi"):
        note = gettext("The list is not filtered until these are corrected.")
    assert note in soup(bad).find(class_="error-summary").get_text()
    good = client.get(news.url, {"date_from": "05/09/2021", "category": "nong-nghiep"})
    assert [a.title for a in good.context["articles"]] == ["Bài nông nghiệp"]
    assert soup(good).find(class_="error-summary") is None


def test_dates_in_the_wrong_order_link_to_the_end_date(news, client):
    page = soup(client.get(news.url, {"date_from": "2021-09-10", "date_to": "2021-09-01"}))
    assert [a["href"] for a in page.select(".error-summary a")] == ["#id_date_to"]
    assert page.find(id="id_date_to")["aria-invalid"] == "true"


@pytest.fixture
def gallery(db):
    tree = make_site()
    page = GalleryPage(title="Lễ hội", slug="le-hoi")
    page.gallery_images = [
        GalleryImage(image=make_image("Ghe", "Đua ghe ngo"), caption="Đua ghe"),
        GalleryImage(image=make_image("Chợ", "Chợ nổi")),
    ]
    return tree, publish(tree["galleries"], page)


def test_gallery_figures_hold_only_the_picture_and_a_last_caption(gallery, client):
    _, page = gallery
    figures = soup(client.get(page.url)).select(".gallery figure")
    assert len(figures) == 2
    for figure in figures:
        children = [child.name for child in figure.find_all(recursive=False)]
        assert children[0] == "img" and "a" not in children
        assert "figcaption" not in children[:-1]  # first or last child only, never between
    items = soup(client.get(page.url)).select(".gallery > li")
    assert all(item.find("a", class_="full-size", recursive=False) for item in items)


def test_a_teaser_picture_inside_its_link_is_decorative(gallery):
    tree, page = gallery
    page.cover_image = make_image("Bìa", "Lễ hội đua ghe ngo")
    page.save_revision().publish()
    block = GalleryTeaserBlock()
    value = block.to_python({"heading": "", "pages": [page.pk], "more": None})
    html = block.render(value, {"request": RequestFactory().get("/")})
    for link in BeautifulSoup(html, "html.parser").find_all("a"):
        for image in link.find_all("img"):
            assert image["alt"] == "", link
    assert "Lễ hội" in html


def test_news_cards_never_put_an_alt_text_inside_the_title_link(news, client):
    article = make_article(news, "Có ảnh", hero_image=make_image("Ảnh", "Ruộng lúa"))
    page = soup(client.get(news.url))
    card = page.find("a", string="Có ảnh").find_parent("article")
    for link in card.find_all("a"):
        assert all(image["alt"] == "" for image in link.find_all("img"))
    assert article.title not in [image.get("alt") for image in card.find_all("img")]


@pytest.fixture
def current_demo(db, settings):
    """The demo loaded now, not pinned to the seed morning."""
    settings.PORTAL_DEMO_CLOCK = None
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_weather_and_readings_are_from_the_hour_it_was_loaded(current_demo, client):
    from widgets.monitoring.models import Reading
    from widgets.weather.models import SAMPLE, Forecast

    now = timezone.now()
    forecasts = Forecast.objects.all()
    assert forecasts and all(now - f.fetched_at < datetime.timedelta(hours=1) for f in forecasts)
    assert {f.provider for f in forecasts} == {SAMPLE}
    newest = Reading.objects.latest("observed_at").observed_at
    assert datetime.timedelta(0) <= now - newest < datetime.timedelta(hours=1)

    page = soup(client.get("/"))
    weather = page.find(class_="widget-weather")
    with translation.override("vi"):
        label = gettext("Sample data")
    assert label in weather.find(class_="widget__sample").get_text()
    assert "ngày" not in weather.find(class_="widget__as-of").get_text()  # minutes, not days
    water = page.find(class_="widget-monitoring--water_level")
    assert "Hòn Dấu" in water.get_text() and "Dữ liệu mẫu" in water.get_text()
    assert "Dữ liệu mẫu" in page.find(class_="widget-monitoring--salinity").get_text()
    assert "is-stale" not in str(page.find(class_="widget-monitoring--salinity"))


def test_only_stations_with_official_alarm_levels_carry_them(current_demo):
    from widgets.monitoring.models import Reading, Station

    alarms = {s.code: s.alarm_level_1 for s in Station.objects.filter(measures_water_level=True)}
    assert alarms["TG-LONGHAI"] is None
    assert alarms["TG-VAMKENH"] and alarms["TG-GIATHUAN"]
    levels = Reading.objects.filter(metric="water_level").values_list("value", flat=True)
    assert min(levels) > -3 and max(levels) < 3  # metres above the Hòn Dấu datum, tidal
