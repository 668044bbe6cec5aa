"""Demo news: the seed article ("Đẩy mạnh cải cách hành chính…") and its index."""

import datetime

from articles.models import ArticleIndexPage, ArticlePage

from .content import load
from .translation import translate_page

INDEX = {"vi": {"title": "Tin tức", "slug": "tin-tuc"}, "en": {"title": "News", "slug": "news"}}
SEED_SLUG = "day-manh-cai-cach-hanh-chinh-giai-doan-2021-2025"
SEED_SLUG_EN = "promoting-administrative-reform-2021-2025"


def _publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_article_index(home, stdout):
    index = ArticleIndexPage.objects.child_of(home).filter(slug=INDEX["vi"]["slug"]).first()
    if index is None:
        index = _publish_child(home, ArticleIndexPage(**INDEX["vi"]))
        stdout.write("Created the news index.")
    translate_page(index, "en", {INDEX["vi"][key]: INDEX["en"][key] for key in INDEX["vi"]})
    return index


def build_seed_article(index, stdout):
    vi, en = load("seed_article.vi.json"), load("seed_article.en.json")
    article = ArticlePage.objects.child_of(index).filter(slug=SEED_SLUG).first()
    if article is None:
        article = ArticlePage(
            title=vi["title"],
            slug=SEED_SLUG,
            date=datetime.date.fromisoformat(vi["date"]),
            signature=vi["signature"],
            body=[("paragraph", f"<p>{text}</p>") for text in vi["paragraphs"]],
        )
        _publish_child(index, article)
        stdout.write("Created the seed article.")
    strings = {vi["title"]: en["title"], vi["signature"]: en["signature"], SEED_SLUG: SEED_SLUG_EN}
    strings.update(zip(vi["paragraphs"], en["paragraphs"], strict=True))
    translate_page(article, "en", strings)
    return article
