"""/api/v3/articles/, as a frontend developer uses it (ratings: tests/test_api_ratings.py)."""

import datetime

import pytest
from wagtail.models import Locale

from articles.models import ArticlePage, Category
from tests.factories_articles import make_article, make_category, make_image, make_site, translate

URL = "/api/v3/articles/"


@pytest.fixture
def site(db):
    site = make_site()
    reform = make_category("Cải cách hành chính", "cai-cach-hanh-chinh")
    farming = make_category("Nông nghiệp", "nong-nghiep")
    image = make_image()
    make_article(
        site["news"],
        "Đẩy mạnh cải cách hành chính",
        date=datetime.date(2021, 10, 12),
        categories=[reform],
        summary="Tỉnh ban hành Nghị quyết 09-NQ/TU.",
        hero_image=image,
    )
    make_article(
        site["news"], "Hạn mặn đầu mùa", date=datetime.date(2021, 9, 1), categories=[farming]
    )
    make_article(site["news"], "Lúa thu đông", date=datetime.date(2021, 8, 5), categories=[farming])
    return site


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_listing_is_newest_first_with_what_a_frontend_needs(site, client):
    response = client.get(URL)
    data = response.json()
    assert data["count"] == 3
    assert titles(response) == ["Đẩy mạnh cải cách hành chính", "Hạn mặn đầu mùa", "Lúa thu đông"]
    first = data["items"][0]
    assert first["date"] == "2021-10-12"
    assert first["summary"] == "Tỉnh ban hành Nghị quyết 09-NQ/TU."
    assert first["categories"] == [
        {
            "id": first["categories"][0]["id"],
            "name": "Cải cách hành chính",
            "slug": "cai-cach-hanh-chinh",
        }
    ]
    assert first["url"].startswith("http://") and first["url"].endswith(
        "/tin-tuc/day-manh-cai-cach-hanh-chinh/"
    )
    image = first["hero_image"]
    assert image["alt"] == "Cánh đồng lúa xanh"
    assert [r["filter"] for r in image["renditions"]] == ["width-400", "width-800", "width-1600"]
    assert all(r["url"] and r["width"] and r["height"] for r in image["renditions"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=nong-nghiep", ["Hạn mặn đầu mùa", "Lúa thu đông"]),
        ("date_from=2021-09-01", ["Đẩy mạnh cải cách hành chính", "Hạn mặn đầu mùa"]),
        ("date_to=2021-09-01", ["Hạn mặn đầu mùa", "Lúa thu đông"]),
        ("date_from=2021-08-01&date_to=2021-08-31", ["Lúa thu đông"]),
        ("search=cai cach hanh chinh", ["Đẩy mạnh cải cách hành chính"]),
        ("search=cải cách hành chính", ["Đẩy mạnh cải cách hành chính"]),
        ("search=HAN MAN", ["Hạn mặn đầu mùa"]),
        ("locale=en", []),
        ("limit=1&offset=1", ["Hạn mặn đầu mùa"]),
    ],
)
def test_filters(site, client, query, expected):
    assert titles(client.get(f"{URL}?{query}")) == expected


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=101",
        "limit=abc",
        "offset=-1",
        "date_from=12/10/2021",
        "date_from=2021-10-01&date_to=2021-09-01",
        "locale=fr",
        "search=" + "x" * 201,
    ],
)
def test_bad_filters_are_422_problem_json(site, client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["errors"]


def test_drafts_never_appear(site, client):
    draft = ArticlePage(title="Bản nháp", slug="ban-nhap", date=datetime.date(2022, 1, 1))
    site["news"].add_child(instance=draft)
    draft.save_revision()
    draft.unpublish()
    assert "Bản nháp" not in titles(client.get(URL))


def test_queries_do_not_grow_with_the_page_size(site, client, django_assert_max_num_queries):
    image = make_image(title="Ảnh 2")
    farming = Category.objects.get(slug="nong-nghiep")
    for number in range(25):
        article = make_article(site["news"], f"Tin số {number}", hero_image=image)
        article.categories = [farming]  # every per-page query runs on both pages
        article.tags.add("lúa")
        article.save_revision().publish()
    client.get(f"{URL}?limit=100")  # renditions are made on first use
    with django_assert_max_num_queries(8) as ten:
        client.get(f"{URL}?limit=10&offset=0")  # another address: not the cached answer
    with django_assert_max_num_queries(8) as hundred:
        client.get(f"{URL}?limit=100&offset=0")
    assert len(hundred.captured_queries) == len(ten.captured_queries)


@pytest.fixture
def bilingual(site):
    """The seed article in English too, its category translated, and tags on two articles."""
    seed = ArticlePage.objects.get(slug="day-manh-cai-cach-hanh-chinh")
    reform = Category.objects.get(slug="cai-cach-hanh-chinh")
    english_reform = reform.copy_for_translation(Locale.objects.get(language_code="en"))
    english_reform.name, english_reform.slug = "Administrative reform", "administrative-reform"
    english_reform.save()
    translate(site["home"], title="Home", slug="home")
    translate(site["news"], title="News", slug="news")
    english = translate(seed, title="Administrative reform", slug="administrative-reform")
    for article, tags in ((seed, ["cải cách", "Nghị quyết"]), (english, ["reform"])):
        article.tags.add(*tags)
        article.save_revision().publish()
    drought = ArticlePage.objects.get(slug="han-man-dau-mua")
    drought.tags.add("hạn mặn")
    drought.save_revision().publish()
    return english


def test_listing_items_carry_slug_html_url_publication_time_and_tags(bilingual, client):
    item = client.get(URL, {"slug": "day-manh-cai-cach-hanh-chinh"}).json()["items"][0]
    assert item["slug"] == "day-manh-cai-cach-hanh-chinh"
    assert item["html_url"] == item["url"]
    assert item["html_url"].endswith("/tin-tuc/day-manh-cai-cach-hanh-chinh/")
    assert item["tags"] == ["cải cách", "Nghị quyết"]
    published = datetime.datetime.fromisoformat(item["last_published_at"])
    assert item["last_published_at"].endswith("+07:00")  # the documented offset convention
    assert published == ArticlePage.objects.get(pk=item["id"]).last_published_at


def test_english_listing_gives_english_category_names(bilingual, client):
    item = client.get(URL, {"locale": "en"}).json()["items"][0]
    assert item["title"] == "Administrative reform"
    assert item["html_url"].endswith("/en/news/administrative-reform/")
    assert [(c["name"], c["slug"]) for c in item["categories"]] == [
        ("Administrative reform", "administrative-reform")
    ]
    vi = client.get(URL, {"locale": "vi", "slug": "day-manh-cai-cach-hanh-chinh"}).json()
    assert vi["items"][0]["categories"][0]["name"] == "Cải cách hành chính"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"slug": "han-man-dau-mua"}, ["Hạn mặn đầu mùa"]),
        ({"slug": "administrative-reform"}, ["Administrative reform"]),
        ({"tag": "hạn mặn"}, ["Hạn mặn đầu mùa"]),
        ({"tag": "HẠN MẶN"}, ["Hạn mặn đầu mùa"]),
        ({"tag": "reform"}, ["Administrative reform"]),
        ({"tag": "khong-co"}, []),
        ({"path": "/en/news/"}, ["Administrative reform"]),
        ({"path": "/en/"}, ["Administrative reform"]),
        (
            {"path": "/tin-tuc/"},
            ["Đẩy mạnh cải cách hành chính", "Hạn mặn đầu mùa", "Lúa thu đông"],
        ),
        ({"path": "/khong-co/"}, []),
        (
            {"locale": "vi", "order": "title"},
            ["Hạn mặn đầu mùa", "Lúa thu đông", "Đẩy mạnh cải cách hành chính"],
        ),
        (
            {"locale": "vi", "order": "-title"},
            ["Đẩy mạnh cải cách hành chính", "Lúa thu đông", "Hạn mặn đầu mùa"],
        ),
        (
            {"locale": "vi", "order": "date"},
            ["Lúa thu đông", "Hạn mặn đầu mùa", "Đẩy mạnh cải cách hành chính"],
        ),
        (
            {"locale": "vi", "order": "-date"},
            ["Đẩy mạnh cải cách hành chính", "Hạn mặn đầu mùa", "Lúa thu đông"],
        ),
    ],
)
def test_filters_by_slug_tag_and_path_and_orders(bilingual, client, query, expected):
    assert titles(client.get(URL, query)) == expected


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("categroy=nong-nghiep", ["categroy"]),
        ("limit=5&sort=title&page=2", ["page", "sort"]),
        ("locale=en&Locale=vi", ["Locale"]),
    ],
)
def test_unknown_query_parameters_are_a_400_naming_them(site, client, query, named):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["unknown_parameters"] == named
    assert all(name in body["detail"] for name in named)
    assert "category" in body["accepted_parameters"]


@pytest.mark.parametrize(
    "query",
    [
        "order=newest",
        "order=",
        "path=tin-tuc",
        "tag=" + "x" * 101,
        "slug=" + "s" * 256,
        "slug=a%00b",
        "tag=%00",
        "path=/tin-tuc/%00",
        "category=%00",
    ],
)
def test_bad_new_filters_are_422_problem_json(site, client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")


def test_theme_tokens_match_the_site_and_meet_their_ratios(db, client):
    data = client.get("/api/v3/theme/").json()
    assert set(data) == {"normal", "high"}
    for pair in data["high"]["pairs"]:
        assert pair["ratio"] >= pair["required"]
        if pair["role"] == "text":
            assert pair["ratio"] >= 7
    assert data["high"]["colours"]["background"] == "#000000"
