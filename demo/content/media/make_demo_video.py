"""How the demo video in this folder was made (run once by hand; needs ffmpeg, which the
project itself never needs): three of the demo's drawn scenes, slowly panned, under the
report's title, 8 s of 480x270 VP9/WebM at 12 frames a second, and its first title frame
as the poster.

    .venv/bin/python demo/content/media/make_demo_video.py
"""

import io
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from demo.imagegen import render_scene  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZE = (480, 270)
FPS = 12
SCENES = [("meeting", 203), ("river", 204), ("rice_field", 205)]
SECONDS_PER_SCENE = 8 / len(SCENES)
TITLE = "Tiền Giang đẩy mạnh cải cách hành chính"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def frame(scene, seed, progress, scale=1):
    """The scene panned from left to right (``progress`` 0 → 1) under the title bar."""
    width, height = SIZE[0] * scale, SIZE[1] * scale
    picture = Image.open(io.BytesIO(render_scene(scene, seed))).convert("RGB")
    picture = picture.resize((600 * scale, 400 * scale))
    x = round((picture.width - width) * progress)
    y = round((picture.height - height) * progress / 2)
    image = picture.crop((x, y, x + width, y + height))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 40 * scale], fill=(120, 15, 20))
    font = ImageFont.truetype(FONT, 18 * scale)
    draw.text((14 * scale, 10 * scale), TITLE, font=font, fill=(255, 255, 255))
    return image


def frames():
    per_scene = round(SECONDS_PER_SCENE * FPS)
    for scene, seed in SCENES:
        for step in range(per_scene):
            yield frame(scene, seed, step / per_scene)


def main():
    encoder = subprocess.Popen(  # noqa: S603 - fixed arguments, run by hand
        [  # noqa: S607 - ffmpeg from PATH
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "rawvideo",
            "-pix_fmt",
            "rgb24",
            "-s",
            f"{SIZE[0]}x{SIZE[1]}",
            "-r",
            str(FPS),
            "-i",
            "-",
            "-c:v",
            "libvpx-vp9",
            "-b:v",
            "160k",
            "-deadline",
            "good",
            "-row-mt",
            "1",
            "-pix_fmt",
            "yuv420p",
            "-an",
            str(HERE / "cai-cach-hanh-chinh.webm"),
        ],
        stdin=subprocess.PIPE,
    )
    for image in frames():
        encoder.stdin.write(image.tobytes())
    encoder.stdin.close()
    if encoder.wait():
        raise SystemExit("ffmpeg failed")
    scene, seed = SCENES[0]
    poster = frame(scene, seed, 0, scale=2)
    poster.save(HERE / "cai-cach-hanh-chinh-poster.jpg", quality=82, optimize=True)


if __name__ == "__main__":
    main()
