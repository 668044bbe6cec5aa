"""Stored rich text is sanitised by nh3 before it reaches a page: scripts, handlers, styles and
javascript: links go, while Wagtail's own link and image references still expand."""

import pytest

from articles.richtext import strip_unsafe_html

from .factories_articles import make_article, make_image, make_site


@pytest.fixture
def tree(db):
    return make_site()


def test_internal_links_and_images_still_work_after_sanitising(tree, client):
    target = make_article(tree["news"], "Trang đích")
    image = make_image(alt="Cầu Rạch Miễu")
    article = make_article(
        tree["news"],
        "Bài có liên kết",
        body=[
            (
                "paragraph",
                f'<p>Xem <a linktype="page" id="{target.pk}">trang đích</a> và '
                f'<a href="https://example.gov.vn/?a=1&amp;b=2">nguồn</a>.</p>'
                f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Ảnh cầu"/>',
            )
        ],
    )
    html = client.get(article.url).content.decode()
    assert f'href="{target.url}"' in html
    assert 'href="https://example.gov.vn/?a=1&amp;b=2"' in html
    assert "linktype" not in html


@pytest.mark.parametrize(
    "dirty",
    [
        '<p onmouseover="alert(1)">x</p>',
        '<p><a href=" JaVaScRiPt:alert(1)">x</a></p>',
        "<p><style>p{}</style><iframe srcdoc='<script>alert(1)</script>'></iframe>x</p>",
        "<p><svg><script>alert(1)</script></svg>x</p>",
        '<p><a href="data:text/html;base64,PHNjcmlwdD4=">x</a></p>',
        '<h2 style="background:url(javascript:alert(1))">x</h2>',
    ],
)
def test_nothing_executable_survives(dirty):
    clean = strip_unsafe_html(dirty)
    assert "alert" not in clean
    assert "javascript" not in clean.lower()
    assert "style" not in clean
    assert "data:" not in clean
    assert "x" in clean


def test_sanitising_is_stable():
    stored = (
        '<p><a linktype="page" id="3">a</a></p>'
        '<embed embedtype="image" id="1" format="left" alt="&quot;"/>'
    )
    assert strip_unsafe_html(stored) == stored
    assert strip_unsafe_html(strip_unsafe_html(stored)) == stored
