"""The ratings service ("Đánh giá bài viết"): one vote of 1–5 per visitor, live articles only."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import ArticleRating
from articles.ratings import RatingNotAllowed, rate, rating_summary

from .factories_articles import make_article, make_site


@pytest.fixture
def article(db):
    return make_article(make_site()["news"], "Bài được đánh giá")


def test_no_votes_is_zero_of_zero(article):
    assert rating_summary(article) == (0.0, 0)


def test_votes_are_averaged_and_a_new_vote_replaces_the_old(article):
    rate(article, "visitor-a", 5)
    rate(article, "visitor-b", 2)
    assert rating_summary(article) == (3.5, 2)
    rate(article, "visitor-a", 3)
    assert rating_summary(article) == (2.5, 2)
    assert ArticleRating.objects.filter(page=article).count() == 2


@pytest.mark.parametrize("score", [0, 6, -1, 2.5, "5", True, None])
def test_only_whole_scores_from_one_to_five(article, score):
    with pytest.raises(ValidationError):
        rate(article, "visitor-a", score)
    assert rating_summary(article) == (0.0, 0)


def test_a_visitor_must_be_identified(article):
    with pytest.raises(ValidationError):
        rate(article, "", 4)
    with pytest.raises(ValidationError):
        rate(article, "x" * 65, 4)


def test_only_live_articles_can_be_rated(article):
    article.unpublish()
    with pytest.raises(RatingNotAllowed):
        rate(article, "visitor-a", 4)
    index = article.get_parent()
    with pytest.raises(RatingNotAllowed):
        rate(index, "visitor-a", 4)


def test_the_database_refuses_bad_scores_and_double_votes(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleRating.objects.create(page=article, visitor_hash="v", score=9)
    ArticleRating.objects.create(page=article, visitor_hash="v", score=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleRating.objects.create(page=article, visitor_hash="v", score=2)
