"""The home page's lead story, chosen by an editor: shown first with its picture while it is
live, public and in the home page's language (the English home shows the chosen article's
English translation), never repeated in the list beside it; otherwise the newest article with
a picture leads, as before anyone chose."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from demo.translation import sync_translation, translate_page
from home.models import HomePage
from tests.factories_articles import make_article, make_image, make_site

OLD, NEWER, NEWEST = (datetime.date(2021, 10, day) for day in (1, 10, 20))


@pytest.fixture
def site(db):
    site = make_site()
    news = site["news"]
    # The newest has no picture: the automatic choice is the one with a picture below it.
    site["newest"] = make_article(news, "Tin mới nhất", date=NEWEST, slug="moi-nhat")
    site["pictured"] = make_article(
        news, "Tin có ảnh", date=NEWER, slug="co-anh", hero_image=make_image("Ảnh tin")
    )
    site["chosen"] = make_article(
        news, "Tin được chọn", date=OLD, slug="duoc-chon", hero_image=make_image("Ảnh chọn")
    )
    return site


def lead_and_list(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    lead = soup.select_one(".home-lead .home-lead__title")
    listed = [title.get_text(strip=True) for title in soup.select(".home-news__title")]
    return (lead.get_text(strip=True) if lead else None), listed, soup


def choose(home, article):
    home = HomePage.objects.get(pk=home.pk)
    home.featured_article = article
    home.save_revision().publish()
    return home


def test_an_editor_picks_the_lead_story_in_the_home_page_editor(site, admin_client):
    home = site["home"]
    assert lead_and_list(admin_client)[0] == "Tin có ảnh"  # the automatic choice
    edit = reverse("wagtailadmin_pages:edit", args=[home.pk])
    form = admin_client.get(edit).content.decode()
    assert 'name="featured_article"' in form
    response = admin_client.post(edit, edit_form_data(home, site["chosen"]))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert HomePage.objects.get(pk=home.pk).live_revision.as_object().featured_article_id == (
        site["chosen"].pk
    )

    lead, listed, soup = lead_and_list(admin_client)
    assert lead == "Tin được chọn"
    assert soup.select_one(".home-lead img.home-lead__image") is not None  # with its picture
    assert "Tin được chọn" not in listed  # not repeated beside it
    assert listed == ["Tin mới nhất", "Tin có ảnh"]  # the others, newest first


def edit_form_data(home, lead):
    return nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": "",
            "featured_article": lead.pk,
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )


def test_the_lead_story_can_only_be_an_article(site, admin_client):
    form_class = HomePage.get_edit_handler().get_form_class()
    widget = form_class.base_fields["featured_article"].widget
    assert [model.__name__ for model in widget.target_models] == ["ArticlePage"]
    home = site["home"]
    edit = reverse("wagtailadmin_pages:edit", args=[home.pk])
    response = admin_client.post(edit, edit_form_data(home, site["galleries"]))
    assert response.status_code == 200  # the form again, with the error on the field
    assert HomePage.objects.get(pk=home.pk).featured_article_id is None
    assert lead_and_list(admin_client)[0] == "Tin có ảnh"


def test_an_unpublished_lead_story_gives_way_to_the_automatic_choice(site, client):
    choose(site["home"], site["chosen"])
    assert lead_and_list(client)[0] == "Tin được chọn"
    site["chosen"].unpublish()
    lead, listed, _soup = lead_and_list(client)
    assert lead == "Tin có ảnh"
    assert "Tin được chọn" not in listed + [lead]  # nor listed: a draft never leaks


def test_a_private_lead_story_gives_way_to_the_automatic_choice(site, client):
    choose(site["home"], site["chosen"])
    PageViewRestriction.objects.create(
        page=site["chosen"], restriction_type=PageViewRestriction.PASSWORD, password="mật khẩu"
    )
    lead, listed, _soup = lead_and_list(client)
    assert lead == "Tin có ảnh"
    assert "Tin được chọn" not in listed


def test_a_lead_story_without_a_picture_leads_without_one(site, client):
    choose(site["home"], site["newest"])
    lead, listed, soup = lead_and_list(client)
    assert lead == "Tin mới nhất"
    assert soup.select_one(".home-lead img") is None
    assert listed == ["Tin có ảnh", "Tin được chọn"]


@pytest.fixture
def english(site):
    site["en_home"] = translate_page(site["home"], "en", {"Trang chủ": "Home"})
    translate_page(site["news"], "en", {"Tin tức": "News", "tin-tuc": "news"})
    for key, english_title in (("newest", "Newest"), ("pictured", "With a picture")):
        translate_page(site[key], "en", {site[key].title: english_title})
    return site


def test_the_english_home_shows_the_chosen_article_s_translation(english, client):
    translated = translate_page(english["chosen"], "en", {"Tin được chọn": "The chosen story"})
    home = choose(english["home"], english["chosen"])
    # wagtail-localize syncs the choice (a page link) to the English home page.
    en_home = sync_translation(home, "en", {"Trang chủ": "Home"})
    en_home.refresh_from_db()
    assert en_home.featured_article_id == english["chosen"].pk  # the source's article
    lead, listed, _soup = lead_and_list(client, "/en/")
    assert lead == "The chosen story"
    assert "The chosen story" not in listed and "Tin được chọn" not in listed

    translated.unpublish()
    lead, listed, _soup = lead_and_list(client, "/en/")
    assert lead == "With a picture"  # the automatic choice among English articles
    assert "Tin được chọn" not in listed + [lead]  # never the Vietnamese article


def test_the_english_home_without_a_translation_falls_back(english, client):
    home = choose(english["home"], english["chosen"])
    sync_translation(home, "en", {"Trang chủ": "Home"})
    lead, listed, _soup = lead_and_list(client, "/en/")
    assert lead == "With a picture"
    assert "Tin được chọn" not in listed + [lead]
    assert lead_and_list(client, "/")[0] == "Tin được chọn"  # the Vietnamese home still leads
