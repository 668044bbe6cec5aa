"""Deterministic JPEG scenes for the demo (rice fields, river, meetings…), drawn with Pillow
and stored in the Wagtail image library, looked up by title so a re-run adds nothing."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

WIDTH, HEIGHT = 960, 640


def _gradient(draw, top, bottom, y0, y1):
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (WIDTH, y)], fill=colour)


def _sky(draw, rng, horizon, dusk=False):
    top, bottom = ((250, 170, 90), (255, 220, 160)) if dusk else ((110, 170, 230), (205, 230, 250))
    _gradient(draw, top, bottom, 0, horizon)
    cx, cy = rng.randint(100, WIDTH - 100), rng.randint(40, horizon // 2)
    sun = (255, 240, 180) if not dusk else (255, 140, 60)
    draw.ellipse([cx - 35, cy - 35, cx + 35, cy + 35], fill=sun)


def rice_field(draw, rng):
    horizon = HEIGHT // 3
    _sky(draw, rng, horizon)
    _gradient(draw, (120, 190, 70), (60, 130, 40), horizon, HEIGHT)
    for row in range(horizon + 10, HEIGHT, 18):
        for x in range(-20, WIDTH, 24):
            h = 8 + (row - horizon) // 20
            draw.line([(x + rng.randint(0, 6), row), (x + 4, row - h)], fill=(40, 110, 30), width=2)
    draw.rectangle([0, horizon - 12, WIDTH, horizon], fill=(70, 120, 60))


def river(draw, rng):
    horizon = HEIGHT // 2 - 40
    _sky(draw, rng, horizon, dusk=rng.random() < 0.5)
    draw.rectangle([0, horizon, WIDTH, horizon + 40], fill=(60, 120, 60))
    _gradient(draw, (150, 120, 80), (110, 85, 55), horizon + 40, HEIGHT)
    for y in range(horizon + 60, HEIGHT, 22):
        x = rng.randint(0, WIDTH - 120)
        draw.line([(x, y), (x + rng.randint(40, 120), y)], fill=(190, 160, 110), width=2)
    boat_x, boat_y = rng.randint(150, WIDTH - 250), rng.randint(horizon + 120, HEIGHT - 120)
    draw.polygon(
        [
            (boat_x, boat_y),
            (boat_x + 180, boat_y),
            (boat_x + 150, boat_y + 30),
            (boat_x + 30, boat_y + 30),
        ],
        fill=(90, 50, 30),
    )


def meeting(draw, rng):
    _gradient(draw, (235, 225, 205), (205, 190, 165), 0, HEIGHT)
    draw.rectangle([80, 60, WIDTH - 80, 220], fill=(170, 20, 30))
    draw.rectangle([120, 90, WIDTH - 120, 190], outline=(250, 210, 80), width=4)
    draw.rectangle([60, 380, WIDTH - 60, 430], fill=(120, 70, 40))
    for i in range(9):
        x = 110 + i * 90
        shirt = rng.choice([(250, 250, 250), (90, 120, 170), (60, 60, 70)])
        draw.ellipse([x, 290, x + 44, 334], fill=(230, 190, 150))
        draw.rectangle([x - 8, 334, x + 52, 390], fill=shirt)


def market(draw, rng):
    _sky(draw, rng, 200)
    _gradient(draw, (200, 190, 170), (170, 160, 140), 200, HEIGHT)
    for i in range(6):
        x = 40 + i * 155
        roof = rng.choice([(220, 60, 50), (40, 120, 200), (240, 170, 40)])
        draw.polygon([(x, 300), (x + 140, 300), (x + 120, 240), (x + 20, 240)], fill=roof)
        draw.rectangle([x + 10, 300, x + 130, 420], fill=(150, 110, 70))
        for _fruit in range(12):
            fx, fy = x + rng.randint(20, 115), rng.randint(305, 340)
            draw.ellipse(
                [fx, fy, fx + 14, fy + 14], fill=rng.choice([(250, 200, 40), (80, 170, 60)])
            )


SCENES = {"rice_field": rice_field, "river": river, "meeting": meeting, "market": market}


def render_scene(scene, seed):
    """JPEG bytes of ``scene`` drawn with a fixed seed: the same bytes on every run."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    image = Image.new("RGB", (WIDTH, HEIGHT))
    SCENES[scene](ImageDraw.Draw(image), rng)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def ensure_image(title, scene, seed, alt_text, filename, alt_text_en=""):
    """The library image called ``title``, drawing it the first time; ``alt_text_en`` is its
    alt text's English translation (filled in on a re-run if missing)."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title, description=alt_text)
        if alt_text_en and hasattr(image, "alt_text_en"):
            image.alt_text_en = alt_text_en
        image.file.save(
            filename, ImageFile(io.BytesIO(render_scene(scene, seed)), name=filename), save=False
        )
        image.save()
    elif alt_text_en and hasattr(image, "alt_text_en") and not image.alt_text_en:
        image.alt_text_en = alt_text_en
        image.save(update_fields=["alt_text_en"])
    return image
