"""The article rating on the public site ("Đánh giá bài viết") without JavaScript: a native
radio fieldset that posts (checked by its Origin: the page is cached for everyone and carries
no CSRF token), records the vote and redirects back to the article, whose form then says how
it went (``?rating=``: a thanks signed for that article, which expires; or what went wrong)."""

import re
import time
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation

from articles.models import ArticleRating
from articles.ratings import rate, rating_summary, thanked_score, thanks_token
from articles.templatetags.article_rating import summary_text
from headless.visitors import token_id

from .factories_articles import make_article, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # rate-limit counters live in the cache
    yield
    cache.clear()


@pytest.fixture
def article(db):
    return make_article(make_site()["news"], "Bài được đánh giá")


OWN_ORIGIN = "http://testserver"


def browser(agent="Mozilla/5.0 reader", origin=OWN_ORIGIN):
    """A browser without JavaScript on the portal's pages: CSRF enforced as for any real
    reader, and its form posts name the page's origin, as browsers do."""
    return Client(enforce_csrf_checks=True, HTTP_USER_AGENT=agent, headers={"origin": origin})


@pytest.fixture
def reader():
    return browser()


def rate_url(article, language="vi"):
    with translation.override(language):
        return reverse("articles:rate", kwargs={"page_id": article.pk})


def vote(client, article, score, **extra):
    data = {}
    if score is not None:
        data["score"] = score
    return client.post(rate_url(article), data, **extra)


def rating_form(html):
    return re.search(r'<form class="article-rating".*?</form>', html, re.S).group(0)


def test_the_article_shows_a_radio_fieldset_with_average_and_count(article, client):
    html = rating_form(client.get(article.url).content.decode())
    assert "<fieldset>" in html
    with translation.override("vi"):
        not_rated = translation.gettext("(not rated yet)")
    assert f"<legend>Đánh giá bài viết <span data-rating-summary>{not_rated}</span>" in html
    assert "0/5" not in html, "no vote yet is not a score of zero"
    for score in range(1, 6):
        assert f'type="radio" name="score" value="{score}" id="rating-score-{score}"' in html
        assert f'<label for="rating-score-{score}">{score} – ' in html
    assert 'type="submit"' in html and "Gửi đánh giá" in html
    assert 'name="csrfmiddlewaretoken"' not in html, "the same page for every reader"
    assert f'action="{rate_url(article)}"' in html
    assert f'data-api-url="/api/v3/articles/{article.pk}/rating/"' in html
    assert 'role="status"' in html


def test_the_rating_script_is_external_and_deferred(article, client):
    html = client.get(article.url).content.decode()
    assert re.search(r'<script src="[^"]*articles/js/rating\.js" defer></script>', html)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "no inline script"


def test_average_and_count_in_the_readers_language(article, client):
    for visitor, score in [("a", 5), ("b", 4), ("c", 4), ("d", 4), ("e", 4)]:
        rate(article, visitor, score)
    html = rating_form(client.get(article.url).content.decode())
    assert "(4,2/5 — 5 lượt)" in html
    with translation.override("en"):
        assert summary_text(4.2, 5) == "(4.2/5 — 5 votes)"
        assert summary_text(3.0, 1) == "(3/5 — 1 vote)"
        assert summary_text(0.0, 0) == "(not rated yet)"


def test_the_script_gets_the_not_rated_text_with_its_other_texts(article, client):
    html = rating_form(client.get(article.url).content.decode())
    with translation.override("vi"):
        not_rated = translation.gettext("(not rated yet)")
    assert f'data-text-none="{not_rated}"' in html


def test_a_vote_without_javascript_is_recorded_and_the_reader_sent_back(article, reader):
    response = vote(reader, article, "4")
    assert response.status_code == 303
    location = urlsplit(response["Location"])
    assert location.path == article.url and location.fragment == "rating"
    token = parse_qs(location.query)["rating"][0]
    assert token != "4" and thanked_score(token, article.pk) == 4, "a signed thanks"
    assert rating_summary(article) == (4.0, 1)
    page = reader.get(response["Location"]).content.decode()
    assert re.search(
        r'<p class="article-rating__status" role="status" data-rating-status>'
        r"Cảm ơn bạn: đánh giá 4/5 của bạn đã được ghi nhận\.</p>",
        page,
    )
    assert "(4/5 — 1 lượt)" in page
    again = reader.get(article.url).content.decode()
    assert "data-rating-status></p>" in again, "the article's own address says nothing"


def test_the_first_vote_gives_the_reader_a_visitor_cookie_for_a_year(article, reader):
    response = vote(reader, article, "3")
    cookie = response.cookies["portal_visitor"]
    assert len(cookie.value) >= 32
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 365 * 24 * 60 * 60
    second = vote(reader, article, "5")
    assert "portal_visitor" not in second.cookies, "kept, not replaced"


def test_the_visitor_cookie_is_signed_by_the_server_and_a_forged_one_is_replaced(article, reader):
    reader.cookies["portal_visitor"] = "chosen-by-the-client"
    response = vote(reader, article, "3")
    issued = response.cookies["portal_visitor"].value
    assert issued != "chosen-by-the-client"
    assert token_id(issued), "a value signed with Django's signing"
    vote(reader, article, "4")
    assert rating_summary(article) == (4.0, 1)


def test_the_sites_cookie_is_the_same_reader_for_the_api(article, reader):
    vote(reader, article, "1")
    api = f"/api/v3/articles/{article.pk}/rating/"
    answer = reader.post(
        api, {"score": 5}, content_type="application/json", HTTP_ORIGIN="http://testserver"
    )
    assert answer.status_code == 200
    assert answer.json()["count"] == 1
    assert rating_summary(article) == (5.0, 1)


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "null"},
        {"origin": "http://testserver.evil.example"},
        {"referer": "https://evil.example/tin-tuc/"},
        {},
    ],
)
def test_a_form_posted_from_another_website_is_refused(article, headers):
    other = Client(enforce_csrf_checks=True, HTTP_USER_AGENT="Mozilla/5.0", headers=headers)
    response = other.post(rate_url(article), {"score": "1"})
    assert response.status_code == 403
    assert "cổng thông tin" in response.content.decode(), "a sentence, not a stack trace"
    assert "portal_visitor" not in response.cookies
    assert rating_summary(article) == (0.0, 0)


def test_a_referer_from_the_portal_stands_in_for_a_missing_origin(article):
    older = Client(
        enforce_csrf_checks=True,
        HTTP_USER_AGENT="Mozilla/5.0 old",
        headers={"referer": f"{OWN_ORIGIN}{article.url}"},
    )
    assert older.post(rate_url(article), {"score": "2"}).status_code == 303
    assert rating_summary(article) == (2.0, 1)


def test_an_office_behind_one_address_has_ten_new_votes_an_hour(article):
    for n in range(10):
        vote(browser(f"Mozilla/5.0 desk {n}"), article, "4")
    eleventh = browser("Mozilla/5.0 desk 11")
    refused = vote(eleventh, article, "1")
    assert refused.status_code == 303
    page = eleventh.get(refused["Location"]).content.decode()
    assert 'role="alert">Đã có quá nhiều người trong mạng của bạn đánh giá bài này' in page
    assert rating_summary(article) == (4.0, 10)


def test_a_second_vote_replaces_the_first(article, reader):
    vote(reader, article, "2")
    vote(reader, article, "5")
    assert rating_summary(article) == (5.0, 1)
    assert ArticleRating.objects.filter(page=article).count() == 1
    vote(browser("Mozilla/5.0 other"), article, "1")
    assert rating_summary(article) == (3.0, 2)


def test_readers_behind_one_address_without_cookies_yet_are_told_apart(article):
    # Two readers in one office (same address and browser) each get their own cookie.
    for score in ("2", "4"):
        vote(browser("Mozilla/5.0 same"), article, score)
    assert rating_summary(article) == (3.0, 2)


def test_a_made_up_outcome_in_the_address_says_nothing(article, client):
    for outcome in ("9", "<b>x</b>", "thanks", "5", "4:", f"{article.pk}:5"):
        html = rating_form(client.get(article.url, {"rating": outcome}).content.decode())
        assert "data-rating-status></p>" in html
        assert 'role="alert"' not in html


@pytest.mark.parametrize(
    ("score", "message"),
    [
        ("0", "Điểm đánh giá là số nguyên từ 1 đến 5."),
        ("6", "Điểm đánh giá là số nguyên từ 1 đến 5."),
        ("abc", "Điểm đánh giá là số nguyên từ 1 đến 5."),
        ("4.5", "Điểm đánh giá là số nguyên từ 1 đến 5."),
        ("", "Vui lòng chọn mức đánh giá từ 1 đến 5 rồi gửi."),
        (None, "Vui lòng chọn mức đánh giá từ 1 đến 5 rồi gửi."),
    ],
)
def test_a_bad_score_gives_a_clear_message_and_no_vote(article, reader, score, message):
    response = vote(reader, article, score)
    assert response.status_code == 303
    page = reader.get(response["Location"]).content.decode()
    assert f'<p class="article-rating__error" role="alert">{message}</p>' in page
    assert rating_summary(article) == (0.0, 0)
    assert "portal_visitor" not in response.cookies


def test_get_is_not_allowed(article, client):
    assert client.get(rate_url(article)).status_code == 405
    assert client.head(rate_url(article)).status_code == 405
    assert rating_summary(article) == (0.0, 0)


def test_unpublished_missing_and_non_article_pages_are_404(article, reader):
    client = reader
    site_home = article.get_parent().get_parent()
    assert (
        client.post(reverse("articles:rate", args=[site_home.pk]), {"score": 3}).status_code == 404
    )
    assert client.post(reverse("articles:rate", args=[999999]), {"score": 3}).status_code == 404
    article.unpublish()
    assert client.post(rate_url(article), {"score": 3}).status_code == 404
    assert ArticleRating.objects.count() == 0


@override_settings(PORTAL_RATE_LIMITS={"rating": {"ip": "100/m", "visitor": "2/m"}})
def test_over_the_rate_limit_the_reader_is_sent_back_with_an_error(article, reader):
    assert vote(reader, article, "1").status_code == 303
    assert vote(reader, article, "2").status_code == 303
    limited = vote(reader, article, "5")
    assert limited.status_code == 303
    page = reader.get(limited["Location"]).content.decode()
    assert 'role="alert">Bạn đã gửi quá nhiều đánh giá trong thời gian ngắn' in page
    assert rating_summary(article) == (2.0, 1), "the vote over the limit is not recorded"


@override_settings(PORTAL_RATE_LIMITS={"rating": {"ip": "1/m", "visitor": "100/m"}})
def test_the_address_limit_is_shared_with_the_api(article, reader, client):
    api = f"/api/v3/articles/{article.pk}/rating/"
    answer = client.post(api, {"score": 3}, content_type="application/json")
    assert answer.status_code == 200
    limited = vote(reader, article, "5")
    assert limited.status_code == 303
    assert rating_summary(article) == (3.0, 1)


def test_the_english_address_records_the_vote_and_the_notice_follows_the_page(article, reader):
    assert rate_url(article, "en") == f"/en/rate/{article.pk}/"
    assert rate_url(article) == f"/danh-gia/{article.pk}/"
    response = reader.post(rate_url(article, "en"), {"score": "5"})
    assert response.status_code == 303
    page = reader.get(response["Location"]).content.decode()
    # The article exists in Vietnamese only: the notice is in the language of the page.
    assert '<html lang="vi">' in page
    assert "Cảm ơn bạn: đánh giá 5/5 của bạn đã được ghi nhận." in page
    with translation.override("en"):
        from articles.templatetags.article_rating import _notices

        request = RequestFactory().get("/en/x/", {"rating": "5"})
        request = RequestFactory().get("/en/x/", {"rating": thanks_token(article.pk, 5)})
        thanks = _notices(request, article)["successes"]
    assert thanks == ["Thank you: your rating of 5 out of 5 has been recorded."]


def thanks_shown(client, article, token):
    html = rating_form(client.get(article.url, {"rating": token}).content.decode())
    assert 'role="alert"' not in html, "a thanks that does not hold is not an error either"
    status = re.search(r"data-rating-status>(.*?)</p>", html, re.S).group(1)
    return status == "Cảm ơn bạn: đánh giá 5/5 của bạn đã được ghi nhận."


def test_a_crafted_thanks_link_thanks_no_one(article, client):
    # Anyone can write ``?rating=5`` into a link: only the server's signed value thanks.
    assert not thanks_shown(client, article, "5")
    assert thanks_shown(client, article, thanks_token(article.pk, 5))
    forged = signing.TimestampSigner(salt="another.purpose").sign(f"{article.pk}:5")
    assert not thanks_shown(client, article, forged)
    token = thanks_token(article.pk, 4)
    tampered = token.replace(f"{article.pk}:4", f"{article.pk}:5", 1)
    assert tampered != token and not thanks_shown(client, article, tampered)


def test_a_thanks_for_another_article_says_nothing_here(article, client):
    other = make_article(article.get_parent().specific, "Bài khác")
    token = thanks_token(other.pk, 5)
    assert thanks_shown(client, other, token)
    assert not thanks_shown(client, article, token)


def test_a_thanks_link_expires_after_ten_minutes(article, client, monkeypatch):
    now = time.time()
    # Signed 11 minutes ago (signing's own clock, moved back), read now.
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: now - 11 * 60))
    stale = thanks_token(article.pk, 5)
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: now - 9 * 60))
    recent = thanks_token(article.pk, 5)
    monkeypatch.undo()
    assert thanks_shown(client, article, recent)
    assert not thanks_shown(client, article, stale)
