"""Languages on the public site, as served: Vietnamese fragments on the English site carry
lang="vi" (WCAG 3.1.2), English indexes list untranslated items as Vietnamese content, the
language switch on an untranslated page says where it goes and why, and a page with a form
error says so first in its <title>."""

import re
from html.parser import HTMLParser

import pytest
from wagtail.models import Locale

from articles.models import ArticlePage, VideoPage
from tests.browser.pages import SEED_ARTICLE

pytestmark = pytest.mark.usefixtures("shared_demo")

UNTRANSLATED = "/tin-tuc/huyen-cai-lay-cung-cap-40-dich-vu-cong-truc-tuyen-muc-do-4/"


class Headings(HTMLParser):
    """Each listing heading's (text, lang) and the text of the page's <title>."""

    def __init__(self, html):
        super().__init__()
        self.headings, self.title, self._open = [], "", None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in {"h2", "title"}:
            self._open = [tag, dict(attrs).get("lang"), ""]

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            if tag == "title":
                self.title = self._open[2].strip()
            else:
                self.headings.append((" ".join(self._open[2].split()), self._open[1]))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._open[2] += data


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def test_english_news_lists_untranslated_articles_as_vietnamese_content(client, demo):
    html = page(client, "/en/news/")
    headings = Headings(html).headings
    english = ArticlePage.objects.live().get(locale__language_code="en")
    vietnamese = (
        ArticlePage.objects.live()
        .filter(locale__language_code="vi")
        .exclude(translation_key=english.translation_key)
        .order_by("-date", "-pk")
        .first()
    )
    assert (english.title, None) in headings, "the English article, unmarked"
    assert (vietnamese.title, "vi") in headings, "an untranslated article, marked Vietnamese"
    assert "In Vietnamese" in html
    seed = ArticlePage.objects.get(url_path__endswith=SEED_ARTICLE)
    assert not any(text == seed.title for text, _ in headings), "translated: only in English"


def test_vietnamese_news_marks_nothing_and_lists_no_english_page(client, demo):
    html = page(client, "/tin-tuc/")
    headings = Headings(html).headings
    assert headings and all(lang is None for _, lang in headings[:10]), headings
    assert "In Vietnamese" not in html and "Bằng tiếng" not in html
    assert not any(text.startswith("PROMOTING") for text, _ in headings)


def test_english_video_index_lists_the_videos_the_home_page_links_to(client, demo):
    html = page(client, "/en/videos/")
    headings = Headings(html).headings
    videos = VideoPage.objects.live().filter(locale__language_code="vi")
    assert videos.exists()
    for video in videos:
        english = video.get_translation_or_none(Locale.objects.get(language_code="en"))
        if english is not None and english.live:
            assert (english.title, None) in headings
            assert (video.title, "vi") not in headings
        else:
            assert (video.title, "vi") in headings
    assert "No videos yet" not in html


def test_untranslated_page_names_the_english_home_page_and_says_why(client, demo):
    html = page(client, UNTRANSLATED)
    link = re.search(r'<a href="/en/" hreflang="en" lang="en"([^>]*)>([^<]*)</a>', html)
    assert link, "the English switch goes to the English home page"
    assert link.group(2) == "English home page"
    described = re.search(r'aria-describedby="([^"]+)"', link.group(1))
    assert described
    note = re.search(rf'id="{described.group(1)}">([^<]*)<', html)
    assert note and note.group(1) == "This page is only in Vietnamese."


def test_translated_page_links_plainly_to_its_translation(client, demo):
    html = page(client, SEED_ARTICLE)
    assert re.search(r'<a href="/en/news/[^"]+" hreflang="en" lang="en">English</a>', html)
    assert "only in Vietnamese" not in html


def test_english_page_marks_related_vietnamese_titles(client, demo):
    from articles.models import ArticleRelatedLink

    english = ArticlePage.objects.live().get(locale__language_code="en")
    other = (
        ArticlePage.objects.live()
        .filter(locale__language_code="vi")
        .exclude(translation_key=english.translation_key)[0]
    )
    ArticleRelatedLink.objects.create(page=english, article=other)
    html = page(client, english.url)
    assert f'lang="vi">{other.title}</a>' in html


def test_bad_filter_date_puts_error_first_in_the_english_title(client, demo):
    title = Headings(page(client, "/en/news/?date_from=31/02/2021")).title
    assert title.startswith("Error: News"), title
    assert not Headings(page(client, "/en/news/?date_from=01/02/2021")).title.startswith("Error")


def test_bad_filter_date_puts_loi_first_in_the_vietnamese_title(client, demo):
    title = Headings(page(client, "/tin-tuc/?date_to=abc")).title
    assert title.startswith("Lỗi: Tin tức"), title
