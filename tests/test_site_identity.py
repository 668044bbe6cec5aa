"""Whose portal it is: the agency's identity per Site (header, title, footer), the favicon,
the header's search box and the feed autodiscovery links."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from demo.identity import IDENTITY
from home.identity import SiteIdentity
from home.models import HomePage

pytestmark = pytest.mark.usefixtures("shared_demo")

AGENCY = IDENTITY["agency_name"]
AGENCY_EN = IDENTITY["agency_name_en"]
AGENCY_EN_HTML = AGENCY_EN.replace("'", "&#x27;")  # as Django escapes it


def _title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def _header(response):
    html = response.content.decode()
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def _footer(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


@pytest.mark.django_db
def test_header_title_and_footer_name_the_agency_in_vietnamese(client):
    response = client.get("/")
    assert _title(response).endswith(f"· {AGENCY}")
    header = _header(response)
    assert AGENCY in header
    assert IDENTITY["parent_body"] in header
    assert 'class="site-name__emblem"' in header
    footer = _footer(response)
    for field in ("address", "phone", "fax", "email", "responsible_person", "licence"):
        assert IDENTITY[field] in footer, field
    assert "đang cập nhật" not in response.content.decode()
    for title in ("Tuyên bố về khả năng tiếp cận", "Chính sách bảo vệ dữ liệu cá nhân", "Liên hệ"):
        assert f">{title}</a>" in footer


@pytest.mark.django_db
def test_english_pages_show_the_english_identity_and_english_footer_pages(client):
    response = client.get("/en/")
    assert _title(response).endswith(f"· {AGENCY_EN_HTML}")
    assert AGENCY_EN_HTML in _header(response)
    footer = _footer(response)
    assert IDENTITY["address_en"] in footer
    assert IDENTITY["address"] not in footer
    assert '<a href="/en/accessibility-statement/">Accessibility statement</a>' in footer
    assert '<a href="/en/privacy-notice/">Privacy notice</a>' in footer
    assert '<a href="/en/contact/">Contact</a>' in footer


@pytest.mark.django_db
def test_an_untranslated_field_shows_the_vietnamese_marked_as_vietnamese(client):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.address_en = ""
    identity.fax = ""
    identity.save()
    footer = _footer(client.get("/en/"))
    assert f'<span lang="vi">{IDENTITY["address"]}</span>' in footer
    assert "Fax" not in footer  # an empty value is left out, not shown as a placeholder


@pytest.mark.django_db
def test_the_admin_settings_form_saves_the_identity_of_a_site(client):
    admin = get_user_model().objects.create_superuser("identity-admin", "a@example.com", "pw")
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/home/siteidentity/{site.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    data = {
        "agency_name": "Sở Nông nghiệp tỉnh Tiền Giang",
        "agency_name_en": "",
        "parent_body": IDENTITY["parent_body"],
        "phone": "0273 3 800 000",
        "email": "so@example.gov.vn",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    saved = SiteIdentity.for_site(site)
    assert saved.agency_name == "Sở Nông nghiệp tỉnh Tiền Giang"
    assert saved.phone == "0273 3 800 000"
    client.logout()
    assert "Sở Nông nghiệp tỉnh Tiền Giang" in _header(client.get("/"))


@pytest.mark.django_db
def test_a_second_site_has_its_own_identity(client):
    home = HomePage.objects.get(locale__language_code="vi")
    district = Site.objects.create(
        hostname="caibe.example.gov.vn", port=80, root_page=home, site_name="Huyện Cái Bè"
    )
    SiteIdentity.objects.create(site=district, agency_name="Ủy ban nhân dân huyện Cái Bè")
    response = client.get("/", HTTP_HOST="caibe.example.gov.vn")
    assert _title(response).endswith("· Ủy ban nhân dân huyện Cái Bè")
    assert AGENCY not in _header(response)
    assert IDENTITY["phone"] not in _footer(response)
    # A site nobody has filled in yet shows none of another site's details either.
    SiteIdentity.objects.filter(site=district).delete()
    response = client.get("/", HTTP_HOST="caibe.example.gov.vn")
    assert AGENCY not in response.content.decode()
    assert IDENTITY["email"] not in response.content.decode()


@pytest.mark.django_db
def test_the_favicon_is_an_image(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page = client.get("/").content.decode()
    assert '<link rel="icon"' in page


PUBLIC_PAGES = ["/", "/en/", "/tin-tuc/", "/en/news/", "/lien-he/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_page_has_a_search_form_that_works_without_javascript(client, path):
    response = client.get(path)
    assert response.status_code == 200
    form = re.search(
        r'<form class="site-search" role="search" method="get" action="([^"]+)"', _header(response)
    )
    assert form, path
    action = form.group(1)
    expected = "/en/search/" if path.startswith("/en/") else "/tim-kiem/"
    assert action == expected
    assert re.search(r'<label[^>]*for="site-search-q"', _header(response))
    results = client.get(action, {"q": "cải cách hành chính"})
    assert results.status_code == 200
    assert "/tin-tuc/" in results.content.decode() or "/en/news/" in results.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, feed",
    [
        ("/", "/tin-tuc/rss.xml"),
        ("/tin-tuc/", "/tin-tuc/rss.xml"),
        ("/en/", "/en/news/rss.xml"),
        ("/en/news/", "/en/news/rss.xml"),
    ],
)
def test_news_pages_announce_their_feed(client, path, feed):
    html = client.get(path).content.decode()
    assert 'type="application/rss+xml"' in html
    assert f'href="{feed}"' in html
    assert client.get(feed).status_code == 200


@pytest.mark.django_db
def test_other_pages_announce_no_feed(client):
    assert "application/rss+xml" not in client.get("/lien-he/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/tim-kiem/?q=x", "/en/search/?q=x"])
def test_the_search_page_shows_one_search_box_its_own(client, path):
    """As on GOV.UK: the results page's own box holds the query; a second, empty one in the
    header would only be a second field to fill in."""
    page = client.get(path).content.decode()
    assert 'class="site-search"' not in page
    assert len(re.findall(r'<form[^>]*role="search"', page)) == 1
    assert re.search(r'<input[^>]*name="q"[^>]*value="x"', page)
