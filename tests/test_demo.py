import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from articles.models import ArticlePage
from home.models import HomePage

# The demo, built once for this module (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("shared_demo")

SEED_TITLE = (
    "ĐẨY MẠNH CẢI CÁCH HÀNH CHÍNH, NÂNG CAO CÁC CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH TIỀN GIANG, "
    "GIAI ĐOẠN 2021 – 2025"
)
SEED_URL = "/tin-tuc/day-manh-cai-cach-hanh-chinh-giai-doan-2021-2025/"
SEED_URL_EN = "/en/news/promoting-administrative-reform-2021-2025/"


def _time_texts(html):
    return re.findall(r"<time[^>]*>([^<]*)</time>", html)


def test_load_demo_twice_changes_nothing(demo):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert "Created" not in out.getvalue()


def test_demo_has_one_home_page_per_language(demo):
    languages = sorted(HomePage.objects.live().values_list("locale__language_code", flat=True))
    assert languages == ["en", "vi"]


def test_seed_article_shows_its_text_date_and_signature_in_vietnamese(demo, client):
    response = client.get(SEED_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert SEED_TITLE in html
    assert "12/10/2021" in _time_texts(html)
    assert "PAR INDEX, PAPI, PCI" in html
    assert "giảm phiền hà cho Nhân dân và doanh nghiệp./." in html
    assert re.search(r'class="signature">\s*Văn phòng\s*<', html)


def test_seed_article_has_an_english_translation(demo, client):
    article = ArticlePage.objects.get(locale__language_code="vi", slug__startswith="day-manh")
    english = article.get_translation(article.get_translations().get().locale)
    assert english.live
    response = client.get(SEED_URL_EN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "PROMOTING ADMINISTRATIVE REFORM" in html
    assert "12 Oct 2021" in _time_texts(html)
    assert 'lang="en"' in html


@pytest.mark.parametrize(
    ("url", "language", "heading"), [("/", "vi", "Tin bài mới"), ("/en/", "en", "Latest news")]
)
def test_home_page_renders_in_each_language_and_lists_the_seed_article(
    demo, client, url, language, heading
):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert "CẢI CÁCH HÀNH CHÍNH" in html or "ADMINISTRATIVE REFORM" in html


def test_admin_login_page_renders_in_vietnamese(db, client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi"' in html
    assert "Tên đăng nhập" in html


def test_unknown_page_is_a_404_page_not_a_traceback(demo, client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Traceback" not in response.content.decode()


def test_the_budget_page_links_real_pdfs_that_a_citizen_can_open(demo, client):
    """Each disclosed form is a PDF with pages and content (a table of figures), not an empty
    file: it is downloaded from the link the budget page shows."""
    from demo.budget_files import BUDGET_FILES

    page = client.get("/cong-khai-ngan-sach/").content.decode()
    links = re.findall(r'href="(/documents/[^"]+\.pdf)"', page)
    assert len(set(links)) == len(BUDGET_FILES)
    bodies = set()
    for link in set(links):
        response = client.get(link)
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")
        assert re.search(rb"/Type\s*/Page[^s]", body), "a PDF with at least one page"
        assert len(body) > 20_000, "text and a table, with their fonts"
        bodies.add(body)
    assert len(bodies) == len(BUDGET_FILES), "each period has its own document"


@pytest.mark.parametrize(
    ("url", "title"), [("/", SEED_TITLE), ("/en/", "PROMOTING ADMINISTRATIVE REFORM")]
)
def test_the_home_page_leads_with_the_seed_article_and_its_picture(demo, client, url, title):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(url).content, "html.parser")
    lead = soup.select_one(".home-lead")
    assert title in lead.select_one(".home-lead__title").get_text()
    assert lead.select_one("img.home-lead__image")["src"]
    listed = " ".join(t.get_text() for t in soup.select(".home-news__title"))
    assert title not in listed  # not repeated in the list beside it
    article = ArticlePage.objects.get(locale__language_code="vi", slug__startswith="day-manh")
    assert article.hero_image.description.startswith("Đại biểu")  # alt text in Vietnamese
    assert article.hero_image.alt_text_en  # and in English
