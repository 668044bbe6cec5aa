"""Widget blocks: validation errors sit on the wrong field; links warn about new tabs; the
home page offers every widget; API representations are plain JSON."""

import datetime
import itertools
import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.utils import translation
from django.utils.html import escape
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from articles.models import ArticlePage
from home.models import BANDS, NEWS_LISTED, HomePage
from tests.factories_widgets import make_city, make_station
from widgets.blocks import LinksBlock, SalinityBlock, WaterLevelBlock, WeatherBlock, widget_blocks
from widgets.budget.models import BudgetIndexPage
from widgets.monitoring.blocks import DailyMaximumData
from widgets.monitoring.chart import history_chart


def _errors(block, raw):
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(raw))
    return error.value


def test_a_station_chosen_twice_is_an_error_on_that_item(db):
    station = make_station()
    error = _errors(SalinityBlock(), {"stations": [station.pk, station.pk]})
    assert list(error.block_errors) == ["stations"]
    assert list(error.block_errors["stations"].block_errors) == [1]


def test_a_station_that_does_not_measure_water_level_is_refused(db):
    station = make_station(measures_water_level=False)
    error = _errors(WaterLevelBlock(), {"stations": [station.pk]})
    with translation.override("vi"):
        message = error.block_errors["stations"].block_errors[0].messages[0]
    assert "không đo" in message


def test_a_city_chosen_twice_is_an_error(db):
    city = make_city()
    error = _errors(WeatherBlock(), {"cities": [city.pk, city.pk]})
    assert list(error.block_errors["cities"].block_errors) == [1]


@pytest.mark.parametrize(
    ("link", "field"),
    [
        ({"label": "X", "url": "", "page": None}, "url"),
        ({"label": "", "url": "https://chinhphu.vn/", "page": None}, "label"),
    ],
)
def test_link_errors_sit_on_the_wrong_field(db, link, field):
    error = _errors(LinksBlock(), {"links": [link]})
    item_errors = error.block_errors["links"].block_errors[0]
    assert field in item_errors.block_errors


def test_link_to_both_a_page_and_an_address_is_refused(db):
    page = Page.get_first_root_node()
    error = _errors(
        LinksBlock(), {"links": [{"label": "X", "url": "https://a.vn/", "page": page.pk}]}
    )
    assert "url" in error.block_errors["links"].block_errors[0].block_errors


def test_new_tab_links_warn_screen_reader_users():
    block = LinksBlock()
    value = block.to_python(
        {
            "links": [
                {
                    "label": "Cổng Dịch vụ công Quốc gia",
                    "url": "https://dichvucong.gov.vn/",
                    "new_tab": True,
                }
            ]
        }
    )
    with translation.override("vi"):
        html = block.render(value, {"request": RequestFactory().get("/")})
    assert 'target="_blank" rel="noopener noreferrer"' in html
    assert '<span class="visually-hidden"> (mở trong thẻ mới)</span>' in html
    assert "<h2" in html and "Liên kết" in html
    assert block.get_api_representation(value)["links"][0]["new_tab"] is True


def test_every_widget_serialises_to_plain_json(demo):
    home = HomePage.objects.get(locale__language_code="vi")
    names = {block.block_type for block in home.body}
    assert {"salinity", "water_level", "weather", "budget", "statistics", "links"} <= names
    for block in home.body:
        data = block.block.get_api_representation(block.value)
        json.dumps(data)
        assert isinstance(data, dict)


def _texts(block_type, data):
    """What a reader must find on the page of a widget's API data."""
    texts = [data["heading"]]
    if block_type in ("salinity", "water_level"):
        for station in data["stations"]:
            texts += [station["name"], station["state_label"], station["change_text"]]
    elif block_type == "weather":
        texts += [c["name"] for c in data["cities"]] + [a["text"] for a in data["attributions"]]
    elif block_type == "budget":
        texts += [p["label"] for p in data["periods"]]
        texts += [d["title"] for p in data["periods"] for d in p["documents"]]
    elif block_type == "links":
        texts += [link["label"] for link in data["links"]] + [link["url"] for link in data["links"]]
    return texts


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_widget_shows_on_the_page_what_its_api_returns(demo, language):
    home = HomePage.objects.get(locale__language_code=language)
    request = RequestFactory().get("/")
    widgets = {"salinity", "water_level", "weather", "budget", "statistics", "links"}
    shown = set()
    for block in home.body:
        if block.block_type not in widgets:
            continue
        with translation.override(language):
            html = block.render({"request": request, "page": home})
            data = block.block.get_api_representation(block.value, {"request": request})
        for text in _texts(block.block_type, data):
            assert escape(text) in html, (block.block_type, text)
        shown.add(block.block_type)
    assert shown == widgets


def test_home_page_offers_every_widget_block():
    offered = set(HomePage.body.field.stream_block.child_blocks)
    assert {name for name, _ in widget_blocks()} <= offered


def test_demo_home_page_shows_the_side_column_in_both_languages(demo, client):
    vi = client.get("/").content.decode()
    en = client.get("/en/").content.decode()
    for text in (
        "THÔNG TIN ĐỘ MẶN",
        "THÔNG TIN MỰC NƯỚC",
        "DỰ BÁO THỜI TIẾT",
        "CÔNG KHAI NGÂN SÁCH",
        "THỐNG KÊ",
        "LIÊN KẾT",
    ):
        assert text in vi.upper()
    assert "613.887" in vi or "613.888" in vi
    assert "Salinity" in en and "Weather forecast" in en and "613,88" in en


def test_home_page_bands_group_every_widget_live_data_first(demo):
    home = HomePage.objects.get(locale__language_code="vi")
    bands = {name: [block.block_type for block in blocks] for name, _label, blocks in home.bands()}
    assert list(bands) == ["live", "media", "more"]
    assert bands["live"] == ["salinity", "weather", "water_level"]  # the editor's: weather first
    assert bands["media"] == ["featured_videos", "gallery_teaser", "slideshow"]
    assert bands["more"] == ["links", "statistics", "budget"]  # the editor's order
    assert sum(map(len, bands.values())) == len(home.body)


def test_without_a_chosen_lead_story_the_newest_article_with_a_picture_leads(demo):
    home = HomePage.objects.get(locale__language_code="vi")
    home.featured_article = None  # the demo chooses the seed article
    # The seed article, the newest, without its picture: the lead is an older one.
    ArticlePage.objects.filter(slug__startswith="day-manh").update(hero_image=None)
    featured, others = home.news()
    assert featured.listing_image() is not None
    assert featured not in others and len(others) == NEWS_LISTED
    newer = [a for a in others if (a.date, a.pk) > (featured.date, featured.pk)]
    assert newer and all(a.listing_image() is None for a in newer)
    order = [(a.date, a.pk) for a in others]
    assert order == sorted(order, reverse=True)


def test_a_zero_reading_is_a_visible_mark_in_a_captioned_chart_with_axis_labels():
    days = [datetime.date(2021, 10, day) for day in range(12, 19)]
    history = [DailyMaximumData(date=day, max=0.0 if day.day != 15 else None) for day in days]
    with translation.override("en"):
        html = history_chart(history, "g/l", threshold=Decimal("4"))
    figure = BeautifulSoup(html, "html.parser").figure
    assert "last 7 days (g/l)" in figure.figcaption.get_text() and "4 g/l" in html
    marks = figure.find_all("rect", class_="widget-chart__bar--zero")
    assert len(marks) == 6 and all(float(mark["height"]) >= 3 for mark in marks)
    assert [t.get_text() for t in figure.find_all("text", class_="widget-chart__value")] == (
        ["0"] * 3 + ["–"] + ["0"] * 3
    )
    days_shown = [t.get_text() for t in figure.find_all("text", class_="widget-chart__day")]
    assert days_shown == [f"{day.day}/10" for day in days]
    assert {t.get_text() for t in figure.find_all("text", class_="widget-chart__tick")} == {
        "0",
        "g/l",
    }


def test_a_station_without_an_english_name_is_marked_vietnamese_on_the_english_site(db):
    station = make_station(code="NO-EN", name="Bà Tài")  # no English name
    request = RequestFactory().get("/en/")
    block = SalinityBlock()
    value = block.to_python({"stations": [station.pk]})
    with translation.override("en"):
        english = block.render(value, context={"request": request})
    with translation.override("vi"):
        vietnamese = block.render(value, context={"request": request})
    assert '<th scope="row" lang="vi">Bà Tài' in english
    assert '<th scope="row">Bà Tài' in vietnamese


class HomePageWidgetTests(WagtailPageTestCase):
    def test_budget_index_can_be_created_under_the_home_page(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            set(HomePage.allowed_subpage_models()) | {BudgetIndexPage},
        )

    def test_editor_can_create_a_home_page_with_widgets(self):
        station = make_station()
        root = Page.get_first_root_node()
        self.login()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Trang chủ thử",
                    "slug": "trang-chu-thu",
                    "intro": "",
                    "body": streamfield(
                        [
                            (
                                "salinity",
                                {
                                    "heading": "",
                                    "description": "",
                                    "stations": streamfield([])
                                    | {
                                        "count": 1,
                                        "0-deleted": "",
                                        "0-order": 0,
                                        "0-value": station.pk,
                                        "0-id": "a",
                                    },
                                    "show_chart": "on",
                                },
                            ),
                            ("statistics", {"heading": ""}),
                        ]
                    ),
                }
            ),
        )


def test_home_page_bands_have_visible_headings_over_their_widgets_headings(demo, client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    bands = soup.select("section.home-band")
    assert len(bands) == 3
    for band in bands:
        heading = band.find(["h2", "h3"])
        assert heading.name == "h2" and band["aria-labelledby"] == heading["id"]
        widget_headings = band.select(".widget__heading")
        assert widget_headings and {h.name for h in widget_headings} == {"h3"}
    with translation.override("vi"):
        labels = [str(label) for _name, label, _types in BANDS]
    assert [band.find("h2").get_text() for band in bands] == labels
    # The outline never skips a level: h1, then h2, h3, h4 (a weather city, a budget period).
    levels = [int(h.name[1]) for h in soup.select("main h1, main h2, main h3, main h4")]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert soup.select(".widget-weather h4.widget-weather__name")
    assert soup.select(".widget-budget h4.widget-budget__period")


def test_a_widget_outside_a_band_keeps_its_own_h2(db):
    block = LinksBlock()
    value = block.to_python({"heading": "Liên kết", "links": []})
    html = block.render(value, {"request": RequestFactory().get("/")})
    assert BeautifulSoup(html, "html.parser").select_one("h2.widget__heading")


def test_a_cached_widget_keeps_the_heading_level_of_the_page_that_renders_it(db):
    from wagtail.blocks import StreamValue

    from widgets.fragments import render_stream

    stream_block = HomePage.body.field.stream_block
    raw = [{"type": "links", "value": {"heading": "Liên kết", "links": []}, "id": "a"}]
    stream = StreamValue(stream_block, raw, is_lazy=True)
    request = RequestFactory().get("/")
    in_band = render_stream(stream, {"request": request, "widget_heading_level": 3})
    alone = render_stream(stream, {"request": request})
    assert BeautifulSoup(in_band, "html.parser").select_one("h3.widget__heading")
    assert BeautifulSoup(alone, "html.parser").select_one("h2.widget__heading")
