"""Demo videos ("Videos trang chủ / Tất cả videos"): one file shipped with the project (so
it plays offline), with its poster and Vietnamese and English captions, and two links (YouTube,
Vimeo) played click-to-load. ``content/media/make_demo_video.py`` says how the file was made."""

import datetime
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from articles.models import VideoIndexPage, VideoPage

from .imagegen import ensure_image
from .translation import ensure_index, translate_page

MEDIA = Path(__file__).resolve().parent / "content" / "media"

INDEX = {
    "vi": {"title": "Tất cả videos", "slug": "videos", "intro": "Video tin tức của tỉnh."},
    "en": {"title": "All videos", "slug": "videos", "intro": "News videos of the province."},
}
SHIPPED = {
    "video": "cai-cach-hanh-chinh.webm",
    "poster": "cai-cach-hanh-chinh-poster.jpg",
    "captions": {"vi": "cai-cach-hanh-chinh.vi.vtt", "en": "cai-cach-hanh-chinh.en.vtt"},
}
VIDEOS = [
    {
        "slug": "cai-cach-hanh-chinh-tien-giang",
        "title": "Tiền Giang đẩy mạnh cải cách hành chính",
        "summary": "Phóng sự về kết quả cải cách hành chính của tỉnh giai đoạn 2016 – 2020.",
        "shipped": SHIPPED,
        "transcript": (
            "<p>Tiền Giang đẩy mạnh cải cách hành chính. Bộ phận một cửa các cấp tiếp nhận hồ "
            "sơ của người dân. Thủ tục được giải quyết nhanh hơn qua dịch vụ công trực "
            "tuyến.</p>"
        ),
        "scene": "meeting",
        "date": datetime.date(2021, 10, 12),
        "en": {
            "Tiền Giang đẩy mạnh cải cách hành chính": "Tien Giang steps up administrative reform",
            "cai-cach-hanh-chinh-tien-giang": "administrative-reform-in-tien-giang",
            "Phóng sự về kết quả cải cách hành chính của tỉnh giai đoạn 2016 – 2020.": (
                "A report on the province's administrative reform, 2016–2020."
            ),
            "Tiền Giang đẩy mạnh cải cách hành chính. Bộ phận một cửa các cấp tiếp nhận hồ "
            "sơ của người dân. Thủ tục được giải quyết nhanh hơn qua dịch vụ công trực "
            "tuyến.": (
                "Tien Giang steps up administrative reform. One-stop desks at every level "
                "take in people's applications. Procedures are settled faster through online "
                "public services."
            ),
        },
    },
    {
        "slug": "mua-lua-thu-dong-2021",
        "title": "Nông dân vào vụ lúa Thu Đông 2021",
        "summary": "Không khí thu hoạch lúa Thu Đông tại các huyện phía Tây của tỉnh.",
        "video_url": "https://vimeo.com/600000001",
        "transcript": "<p>Nông dân phấn khởi vì lúa được mùa, được giá.</p>",
        "scene": "rice_field",
        "date": datetime.date(2021, 9, 28),
    },
    {
        "slug": "phong-chong-xam-nhap-man",
        "title": "Chủ động phòng, chống xâm nhập mặn",
        "summary": "Hướng dẫn người dân theo dõi độ mặn trước khi lấy nước vào ruộng.",
        "video_url": "https://www.youtube.com/watch?v=tg-xam-nhap-man",
        "transcript": "<p>Chỉ lấy nước khi độ mặn dưới 1 g/l.</p>",
        "scene": "river",
        "date": datetime.date(2021, 9, 10),
    },
]


def _shipped_poster(title, filename, alt_text, alt_text_en):
    """The poster shipped with the video, in the image library (looked up by title)."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title, description=alt_text)
        if hasattr(image, "alt_text_en"):
            image.alt_text_en = alt_text_en
        with open(MEDIA / filename, "rb") as source:
            image.file.save(filename, ImageFile(source, name=filename), save=False)
        image.save()
    return image


def _attach(field, filename):
    with open(MEDIA / filename, "rb") as source:
        field.save(filename, File(source, name=filename), save=False)


def _build_video(index, number, spec):
    if spec.get("shipped"):
        poster = _shipped_poster(
            f"Ảnh đại diện video {number}",
            spec["shipped"]["poster"],
            "Hội nghị của tỉnh dưới tiêu đề phóng sự",
            "A provincial conference under the report's title",
        )
    else:
        poster = ensure_image(
            f"Ảnh đại diện video {number}",
            spec["scene"],
            200 + number,
            spec["title"],
            f"video-poster-{number}.jpg",
        )
    video = VideoPage(
        title=spec["title"],
        slug=spec["slug"],
        date=spec["date"],
        summary=spec["summary"],
        video_url=spec.get("video_url", ""),
        poster_image=poster,
        transcript=spec["transcript"],
    )
    if spec.get("shipped"):
        _attach(video.video_file, spec["shipped"]["video"])
        _attach(video.captions_file, spec["shipped"]["captions"]["vi"])
        video.captions_language = "vi"
    index.add_child(instance=video)
    video.save_revision().publish()
    return video


def _translate(video, spec):
    """The English translation, with the English captions in place of the Vietnamese."""
    translated = translate_page(video, "en", spec["en"])
    english = spec["shipped"]["captions"]["en"]
    if translated.captions_language != "en":
        _attach(translated.captions_file, english)
        translated.captions_language = "en"
        translated.save_revision().publish()


def build_videos(home, stdout):
    index = ensure_index(home, VideoIndexPage, INDEX, stdout, "video index")

    for number, spec in enumerate(VIDEOS, start=1):
        video = VideoPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if video is None:
            video = _build_video(index, number, spec)
            stdout.write(f"Created the video {spec['title']}.")
        if spec.get("en"):
            _translate(video, spec)
    return index
