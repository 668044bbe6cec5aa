"""The benchmark's data: the demo site plus enough articles with hero images that a listing
is a real listing, in a PostgreSQL database of its own."""

import datetime
import io
import os
import secrets
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_ARTICLES = int(os.environ.get("BENCH_ARTICLES", "300"))


def urls():
    return {
        "database_url": os.environ.get(
            "BENCH_DATABASE_URL", "postgres://portal@127.0.0.1:5432/portal_bench"
        ),
        "redis_url": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
    }


def prepare():
    env = urls()
    subprocess.run([ROOT / "scripts/postgres.sh", "ensure", env["database_url"]], check=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=env["database_url"],
        REDIS_URL=env["redis_url"],
    )
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    ensure_articles(BENCH_ARTICLES)
    cache.clear()
    return env


def _image(number):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    Image = get_image_model()
    title = f"bench image {number}"
    found = Image.objects.filter(title=title).first()
    if found:
        return found
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (20 * number % 255, 120, 80)).save(buffer, "JPEG")
    return Image.objects.create(
        title=title,
        description=f"Ảnh minh hoạ {number}",
        file=ImageFile(buffer, name=f"bench-{number}.jpg"),
    )


def ensure_articles(count):
    from articles.models import ArticleIndexPage, ArticlePage

    index = ArticleIndexPage.objects.get(locale__language_code="vi", slug="tin-tuc")
    existing = ArticlePage.objects.filter(slug__startswith="bench-").count()
    images = [_image(n) for n in range(10)]
    start = datetime.date(2021, 1, 1)
    for number in range(existing, count):
        page = ArticlePage(
            title=f"Tin thử tải số {number}: cải cách hành chính",
            slug=f"bench-{number}",
            date=start + datetime.timedelta(days=number),
            summary="Tóm tắt bài viết dùng để đo hiệu năng của danh sách tin.",
            hero_image=images[number % len(images)],
        )
        index.add_child(instance=page)
        page.save_revision().publish()
