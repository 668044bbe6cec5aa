"""Demo videos ("Videos trang chủ / Tất cả videos"): two links and one with captions."""

import datetime

from django.core.files.base import ContentFile

from articles.models import VideoIndexPage, VideoPage

from .imagegen import ensure_image
from .translation import ensure_index

INDEX = {
    "vi": {"title": "Tất cả videos", "slug": "videos", "intro": "Video tin tức của tỉnh."},
    "en": {"title": "All videos", "slug": "videos", "intro": "News videos of the province."},
}
CAPTIONS = """WEBVTT

00:00:00.000 --> 00:00:04.000
Tiền Giang đẩy mạnh cải cách hành chính.

00:00:04.000 --> 00:00:09.000
Người dân được giải quyết thủ tục nhanh hơn qua dịch vụ công trực tuyến.
"""
VIDEOS = [
    {
        "slug": "cai-cach-hanh-chinh-tien-giang",
        "title": "Tiền Giang đẩy mạnh cải cách hành chính",
        "summary": "Phóng sự về kết quả cải cách hành chính của tỉnh giai đoạn 2016 – 2020.",
        "video_url": "https://www.youtube.com/watch?v=tg-cchc-2021",
        "captions": CAPTIONS,
        "transcript": (
            "<p>Tiền Giang đẩy mạnh cải cách hành chính. Người dân được giải quyết thủ tục "
            "nhanh hơn qua dịch vụ công trực tuyến.</p>"
        ),
        "scene": "meeting",
        "date": datetime.date(2021, 10, 12),
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


def build_videos(home, stdout):
    index = ensure_index(home, VideoIndexPage, INDEX, stdout, "video index")

    for number, spec in enumerate(VIDEOS, start=1):
        if VideoPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
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
            video_url=spec["video_url"],
            poster_image=poster,
            transcript=spec["transcript"],
        )
        if spec.get("captions"):
            video.captions_file.save(
                f"{spec['slug']}.vi.vtt", ContentFile(spec["captions"].encode("utf-8")), save=False
            )
        index.add_child(instance=video)
        video.save_revision().publish()
        stdout.write(f"Created the video {spec['title']}.")
    return index
