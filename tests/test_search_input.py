"""Whatever a client types into a search, the answer is never a 5xx: quotes, brackets, ``*``,
``-``, ``AND``, NUL bytes, invalid UTF-8 (a lone surrogate) and 2,000-character queries are
plain words, and give the results of those words alone. Every search of the site: the public
page, the v2 and v3 APIs, and the admin's search boxes. On SQLite and PostgreSQL (the suite
runs on both)."""

import re
from urllib.parse import quote_from_bytes

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from vnsearch.backend import plain_query
from vnsearch.text import MAX_TERMS, search_terms, search_words

from .factories_articles import make_article, make_category, make_image, make_site

# (what the client sends, the plain words it stands for)
NASTY = [
    ('khởi công"', "khởi công"),
    ('"khởi công', "khởi công"),
    ('"khởi công"', "khởi công"),
    ("(khởi công", "khởi công"),
    ("khởi công)", "khởi công"),
    ("khởi* công", "khởi công"),
    ("khởi công*", "khởi công"),
    ("-khởi công", "khởi công"),
    ("khởi -công", "khởi công"),
    ("khởi AND công", "khởi and công"),
    ("khởi công OR", "khởi công or"),
    ("NOT khởi công", "not khởi công"),
    ("khởi\x00công", "khởi công"),
    ("khởi công\x00", "khởi công"),
    (b"kh\xe1\xbb\x9fi c\xc3\xb4ng \xed\xa0\x80", "khởi công"),  # lone surrogate U+D800
    ("khởi công " * 200, "khởi công"),  # 2,000 characters
    ("khởi:công^ {công} NEAR(khởi)", "khởi công near khởi"),
]
ONLY_SYNTAX = ['"', "(", "*", "-", "AND", "\x00", b"\xed\xa0\x80", '"' * 2000, "((((" * 500]


@pytest.fixture
def content(db):
    tree = make_site()
    pages = [
        make_article(tree["news"], "Khởi công xây dựng cầu Rạch Miễu 2"),
        make_article(tree["news"], "Công bố quy hoạch tỉnh"),
        make_article(tree["news"], "Khởi động năm học mới"),
    ]
    images = [make_image(title="Lễ khởi công cầu"), make_image(title="Cánh đồng lúa")]
    document_model = get_document_model()
    documents = []
    for title in ("Quyết định khởi công dự án", "Báo cáo ngân sách"):
        document = document_model(title=title)
        document.file.save("tai-lieu.txt", ContentFile(b"noi dung"), save=False)
        document.save()
        documents.append(document)
    categories = [make_category("Khởi công dự án", "khoi-cong"), make_category("Y tế", "y-te")]
    return {"pages": pages, "images": images, "documents": documents, "categories": categories}


def _get(client, path, name, value):
    raw = value if isinstance(value, bytes) else value.encode("utf-8")
    return client.get(f"{path}?{name}={quote_from_bytes(raw, safe='')}")


def _json_ids(response):
    return sorted(item["id"] for item in response.json()["items"])


def _public(response):
    return [hit["url"] for hit in response.context["hits"]]


def _admin_ids(pattern):
    def ids(response):
        return sorted(set(re.findall(pattern, response.content.decode())))

    return ids


PUBLIC = [
    ("/tim-kiem/", "q", _public),
    ("/api/v3/articles/", "search", _json_ids),
    ("/api/v3/pages/", "search", _json_ids),
    ("/api/v2/pages/", "search", _json_ids),
    ("/api/v2/images/", "search", _json_ids),
    ("/api/v2/documents/", "search", _json_ids),
]
ADMIN = [
    ("/admin/pages/search/", "q", _admin_ids(r"/admin/pages/(\d+)/edit/")),
    ("/admin/images/", "q", _admin_ids(r"/admin/images/(\d+)/")),
    ("/admin/documents/", "q", _admin_ids(r"/admin/documents/edit/(\d+)/")),
    ("/admin/snippets/articles/category/", "q", _admin_ids(r"/category/edit/(\d+)/")),
]
# The articles listing takes at most 200 characters: longer is a clear 4xx problem.
LIMITED = {("/api/v3/articles/", 2000)}


def _problems(client, path, name, extract):
    """What goes wrong at ``path`` for each nasty input, as readable lines."""
    client.raise_request_exception = False  # a 500 is a result to report, not an exception
    problems = []
    for value, words in NASTY:
        expected_response = _get(client, path, name, words)
        assert expected_response.status_code == 200
        response = _get(client, path, name, value)
        label = f"{path}?{name}={value[:40]!r}"
        if response.status_code >= 500:
            problems.append(f"{label}: {response.status_code}")
        elif (path, len(value)) in LIMITED:
            if response.status_code not in (400, 422) or (
                response["Content-Type"] != "application/problem+json"
            ):
                problems.append(f"{label}: {response.status_code}, not a problem 4xx")
        elif response.status_code != 200:
            problems.append(f"{label}: {response.status_code}")
        elif extract(response) != extract(expected_response):
            problems.append(f"{label}: {extract(response)} != {extract(expected_response)}")
    for value in ONLY_SYNTAX:
        response = _get(client, path, name, value)
        if response.status_code >= 500:
            problems.append(f"{path}?{name}={value[:40]!r}: {response.status_code}")
    return problems


@pytest.mark.parametrize(("path", "name", "extract"), PUBLIC, ids=[p for p, *_ in PUBLIC])
def test_public_searches_treat_syntax_as_plain_words(client, content, path, name, extract):
    assert _problems(client, path, name, extract) == []


@pytest.mark.parametrize(("path", "name", "extract"), ADMIN, ids=[p for p, *_ in ADMIN])
def test_admin_searches_treat_syntax_as_plain_words(admin_client, content, path, name, extract):
    assert _problems(admin_client, path, name, extract) == []


def test_the_words_found_are_the_expected_ones(client, content):
    """The comparisons above compare real results: the plain words find what they should."""
    found = _json_ids(_get(client, "/api/v2/pages/", "search", "khởi công"))
    assert found == [content["pages"][0].pk]
    found = _json_ids(_get(client, "/api/v2/images/", "search", '"khởi công'))
    assert found == [content["images"][0].pk]


def test_an_invalid_search_operator_is_the_default_one(client, content):
    response = client.get("/api/v2/pages/", {"search": "khởi công", "search_operator": "xor"})
    assert response.status_code == 200
    assert _json_ids(response) == [content["pages"][0].pk]


def test_queries_are_reduced_to_folded_words():
    assert search_terms('Khởi "công" (AND* -Đường') == "khoi cong and duong"
    assert search_terms("a\x00b\ud800c") == "a b c"
    assert search_terms('"()*-') == ""
    assert search_words(" ".join(f"w{n}" for n in range(100))) == [
        f"w{n}" for n in range(MAX_TERMS)
    ]
    assert search_words("khởi công " * 1000) == ["khoi", "cong"]


def test_lone_surrogates_and_nul_reach_no_database(content):
    """Python callers can pass what a URL cannot carry."""
    found = Page.objects.live().search("khởi\ud800 công\x00")
    assert [page.pk for page in found] == [content["pages"][0].pk]
    assert plain_query("\ud800\x00") is None
