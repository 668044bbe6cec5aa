"""RSS of the newest articles per language, and a sitemap listing both languages."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own output


def test_vietnamese_feed_is_valid_rss_with_absolute_links_and_dates(demo, client):
    root = _rss(client, "/tin-tuc/rss.xml")
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == "vi"
    items = channel.findall("item")
    assert 10 <= len(items) <= 20
    for item in items:
        assert item.findtext("link").startswith("http://testserver/")
        assert item.findtext("title")
        parsedate_to_datetime(item.findtext("pubDate"))
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)
    titles = [item.findtext("title") for item in items]
    assert any("CẢI CÁCH HÀNH CHÍNH" in title for title in titles)


def test_english_feed_lists_english_articles(demo, client):
    channel = _rss(client, "/en/news/rss.xml").find("channel")
    assert channel.findtext("language") == "en"
    links = [item.findtext("link") for item in channel.findall("item")]
    assert links and all(link.startswith("http://testserver/en/") for link in links)
    assert any(
        "ADMINISTRATIVE REFORM" in item.findtext("title") for item in channel.findall("item")
    )


def test_sitemap_lists_both_languages(demo, client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    locations = [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert "http://localhost/tin-tuc/" in locations or any(
        loc.endswith("/tin-tuc/") for loc in locations
    )
    assert any("/en/news/" in loc for loc in locations)
    assert any(loc.endswith("/en/") for loc in locations)
    assert any("/hinh-hoat-dong/" in loc for loc in locations)
    assert len(locations) == len(set(locations))
