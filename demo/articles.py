"""Demo news: the seed article ("Đẩy mạnh cải cách hành chính…"), its index, the news
categories and about thirty further articles generated from templates in content/news.json."""

import datetime

from django.utils.text import slugify
from wagtail.models import Locale

from articles.models import ArticleIndexPage, ArticlePage, Category
from articles.search import unaccent

from .content import load
from .gallery import gallery_images
from .translation import ensure_locale, sync_translation, translate_page

INDEX = {"vi": {"title": "Tin tức", "slug": "tin-tuc"}, "en": {"title": "News", "slug": "news"}}
SEED_SLUG = "day-manh-cai-cach-hanh-chinh-giai-doan-2021-2025"
SEED_SLUG_EN = "promoting-administrative-reform-2021-2025"
# The seed article's picture: the gallery's photo of the conference on the same reform plan
# (drawn by demo.imagegen, alt text in Vietnamese and English).
SEED_PICTURE = "Hội nghị triển khai cải cách hành chính"


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


def build_categories(stdout):
    """The news categories in Vietnamese, each with its English translation."""
    vi = Locale.objects.get(language_code="vi")
    en = ensure_locale("en")
    categories = {}
    for entry in load("news.json")["categories"]:
        category = Category.objects.filter(locale=vi, slug=entry["slug"]).first()
        if category is None:
            category = Category.objects.create(locale=vi, slug=entry["slug"], name=entry["vi"])
            stdout.write(f"Created the category {entry['vi']}.")
        if category.get_translation_or_none(en) is None:
            english = category.copy_for_translation(en)
            english.name, english.slug = entry["en"], entry["en_slug"]
            english.save()
        categories[entry["slug"]] = category
    return categories


def build_seed_article(index, stdout, categories=None):
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
        article.hero_image = _seed_picture()
        if categories:
            article.categories = [categories[load("news.json")["seed_category"]]]
        _publish_child(index, article)
        stdout.write("Created the seed article.")
    strings = {vi["title"]: en["title"], vi["signature"]: en["signature"], SEED_SLUG: SEED_SLUG_EN}
    strings.update(zip(vi["paragraphs"], en["paragraphs"], strict=True))
    if article.hero_image_id is None:  # built before it had one: the home page leads with it
        article.hero_image = _seed_picture()
        article.save_revision().publish()
        sync_translation(article, "en", strings)
        stdout.write("Gave the seed article its picture.")
    translate_page(article, "en", strings)
    return article


def _seed_picture():
    return next(image for image in gallery_images() if image.title == SEED_PICTURE)


def _numbers(i):
    """Plausible, deterministic figures for the i-th generated article."""
    return {
        "n": 40 + (i * 37) % 260,
        "p": 62 + (i * 7) % 30,
        "p2": 55 + (i * 11) % 35,
        "yield": f"{5.6 + (i % 9) * 0.15:.2f}".replace(".", ","),
        "points": 3 + i % 9,
        "money": 150 + (i * 23) % 400,
    }


def news_items():
    """The generated articles as dicts (title, slug, date, summary, paragraphs, …)."""
    data = load("news.json")
    topics, districts = data["topics"], data["districts"]
    start = datetime.date.fromisoformat(data["start_date"])
    items = []
    for i in range(3 * len(topics)):
        topic = topics[i % len(topics)]
        district = districts[(i % len(topics) + 3 * (i // len(topics)) + 1) % len(districts)]
        values = _numbers(i) | {
            "district": district,
            "District": district[0].upper() + district[1:],
        }
        title = topic["title"].format(**values)
        items.append(
            {
                "title": title,
                "slug": slugify(unaccent(title))[:80].strip("-"),
                "date": start + datetime.timedelta(days=i * data["days_apart"]),
                "summary": topic["summary"].format(**values),
                "paragraphs": [text.format(**values) for text in topic["paragraphs"]],
                "quote": topic.get("quote"),
                "table": [
                    [cell.format(**values) for cell in row] for row in topic.get("table", [])
                ],
                "category": topic["category"],
                "index": i,
            }
        )
    return items


def _body(item):
    paragraphs = [("paragraph", f"<p>{text}</p>") for text in item["paragraphs"]]
    body = paragraphs[:1]
    if item["quote"]:
        body.append(("quote", {"quote": item["quote"], "attribution": "UBND tỉnh Tiền Giang"}))
    body.extend(paragraphs[1:])
    if item["table"]:
        table = {"first_row_is_table_header": True, "first_col_is_header": False}
        table["data"] = item["table"]
        body.append(("table", {"caption": item["title"], "table": table}))
    return body


def build_news(index, categories, images, stdout):
    """About thirty dated articles over several months, some with a hero image."""
    created = 0
    for item in news_items():
        if ArticlePage.objects.child_of(index).filter(slug=item["slug"]).exists():
            continue
        article = ArticlePage(
            title=item["title"],
            slug=item["slug"],
            date=item["date"],
            summary=item["summary"],
            signature="Văn phòng",
            body=_body(item),
            hero_image=images[item["index"] % len(images)]
            if images and item["index"] % 3 == 0
            else None,
        )
        article.categories = [categories[item["category"]]]
        _publish_child(index, article)
        created += 1
    if created:
        stdout.write(f"Created {created} news articles.")
