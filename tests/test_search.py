"""Search across every content type, with or without Vietnamese diacritics, on SQLite and
PostgreSQL (the suite runs on both)."""

import pytest
from django.db import connection

from articles.models import GalleryImage, GalleryPage, VideoPage
from articles.search import search_pages, unaccent
from vnsearch.ranking import Phrase

from .factories_articles import make_article, make_image, make_site, publish


def test_unaccent_strips_vietnamese_diacritics_and_d_with_stroke():
    assert unaccent("Cải cách hành chính") == "cai cach hanh chinh"
    assert unaccent("ĐẨY MẠNH Đổi mới") == "day manh doi moi"
    assert unaccent("Tiền Giang – Gò Công") == "tien giang – go cong"
    assert unaccent("") == "" and unaccent(None) == ""


@pytest.fixture
def content(db):
    tree = make_site()
    article = make_article(
        tree["news"],
        "Đẩy mạnh cải cách hành chính tỉnh Tiền Giang",
        summary="Nâng cao chỉ số PAR INDEX",
        body=[("paragraph", "<p>Đường giao thông nông thôn được đầu tư.</p>")],
    )
    other = make_article(tree["news"], "Thu hoạch lúa Thu Đông")
    video = publish(
        tree["videos"],
        VideoPage(
            title="Phóng sự về xâm nhập mặn",
            slug="xam-nhap-man",
            video_url="https://vimeo.com/1",
            transcript="<p>Độ mặn trên sông Tiền tăng cao.</p>",
        ),
    )
    gallery = GalleryPage(title="Hình hoạt động tháng 10", slug="hinh-thang-10")
    gallery.gallery_images = [
        GalleryImage(
            image=make_image(), alt_text="Hội nghị", caption="Hội nghị đối thoại doanh nghiệp"
        )
    ]
    gallery = publish(tree["galleries"], gallery)
    return {"article": article, "other": other, "video": video, "gallery": gallery}


def _ids(query):
    return {page.pk for page in search_pages(query)}


@pytest.mark.parametrize(
    "query",
    ["cải cách hành chính", "cai cach hanh chinh", "CAI CÁCH hanh chinh", "Đẩy mạnh", "day manh"],
)
def test_an_article_is_found_with_or_without_accents(content, query):
    assert content["article"].pk in _ids(query)
    assert content["other"].pk not in _ids(query)


@pytest.mark.parametrize("query", ["duong giao thong", "đường giao thông", "par index"])
def test_body_and_summary_are_searched(content, query):
    assert _ids(query) == {content["article"].pk}


@pytest.mark.parametrize(
    ("query", "key"),
    [("xam nhap man", "video"), ("độ mặn", "video"), ("doi thoai doanh nghiep", "gallery")],
)
def test_every_content_type_is_searched(content, query, key):
    assert content[key].pk in _ids(query)


def test_drafts_are_not_found(content):
    article = content["other"]
    article.title = "Bản nháp chưa duyệt về cải cách"
    article.save_revision()
    article.unpublish()
    assert article.pk not in _ids("ban nhap chua duyet")


def test_the_search_page_shows_results_and_handles_empty_or_odd_queries(content, client):
    response = client.get("/tim-kiem/", {"q": "cai cach hanh chinh"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đẩy mạnh cải cách hành chính tỉnh Tiền Giang" in html
    assert "Thu hoạch lúa" not in html
    for query in ("", "   ", "%%%", "a" * 500, "' OR 1=1 --"):
        assert client.get("/tim-kiem/", {"q": query}).status_code == 200


def test_the_search_runs_on_the_configured_database(content):
    # The same assertions run on SQLite and on PostgreSQL (DATABASE_URL); name which one here.
    assert connection.vendor in {"sqlite", "postgresql"}
    assert content["article"].pk in _ids("cai cach")


def test_search_on_postgresql(content, on_postgres):
    assert content["article"].pk in _ids("cải cách hành chính")
    assert content["article"].pk in _ids("cai cach hanh chinh")


@pytest.fixture
def lookalikes(db):
    """Titles whose words fold alike: "Cái cách" and "Cải cách" are both "cai cach"."""
    tree = make_site()
    return {
        "cai": make_article(tree["news"], "Cái cách làm hay của nông dân Cái Bè"),
        "reform": make_article(tree["news"], "Cải cách thủ tục đất đai"),
        "body": make_article(
            tree["news"],
            "Hội nghị giao ban quý III",
            body=[("paragraph", "<p>Bàn về cải cách thủ tục đất đai.</p>")],
        ),
    }


def _order(query):
    return [page.title for page in search_pages(query)]


def test_the_accents_typed_are_preferred(lookalikes):
    assert _order("cải cách")[0] == lookalikes["reform"].title
    assert _order("Cái cách")[0] == lookalikes["cai"].title


def test_a_title_match_comes_before_a_body_match(lookalikes):
    order = _order("cải cách thủ tục")
    assert order.index(lookalikes["reform"].title) < order.index(lookalikes["body"].title)


def test_without_accents_every_spelling_is_found(lookalikes):
    assert set(_order("cai cach")) == {page.title for page in lookalikes.values()}


def test_phrase_hits_count_accents_per_word():
    phrase = Phrase("cải cach")  # "cach" typed without accents takes any
    assert phrase.hits("CẢI CÁCH hành chính, cải cách") == (2, 0)
    assert phrase.hits("Cái cách, cai cach") == (0, 2)
    assert phrase.hits("cải tạo cách làm") == (0, 0)
    assert Phrase('"""').hits("cải cách") == (0, 0)
