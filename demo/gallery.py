"""Demo activity photos ("Hình hoạt động"): generated JPEG scenes in one gallery."""

import datetime

from articles.models import GalleryImage, GalleryIndexPage, GalleryPage

from .imagegen import ensure_image
from .translation import translate_page

INDEX = {
    "vi": {
        "title": "Hình hoạt động",
        "slug": "hinh-hoat-dong",
        "intro": "Hình ảnh hoạt động của tỉnh.",
    },
    "en": {
        "title": "Activity photos",
        "slug": "activity-photos",
        "intro": "Photos of the province's activities.",
    },
}
GALLERY_SLUG = "hoat-dong-thang-10-2021"
# (library title, scene, alt text, caption, English alt text, English caption)
PHOTOS = [
    (
        "Cánh đồng lúa Cai Lậy",
        "rice_field",
        "Cánh đồng lúa xanh trải dài dưới bầu trời trong xanh",
        "Cánh đồng lúa Thu Đông tại huyện Cai Lậy",
        "Green rice fields stretching under a clear blue sky",
        "Autumn–winter rice fields in Cai Lay district",
    ),
    (
        "Sông Tiền lúc hoàng hôn",
        "river",
        "Dòng sông Tiền với chiếc ghe nhỏ giữa sông",
        "Sông Tiền đoạn qua thành phố Mỹ Tho",
        "The Tien River with a small boat in midstream",
        "The Tien River where it passes My Tho city",
    ),
    (
        "Hội nghị triển khai cải cách hành chính",
        "meeting",
        "Đại biểu ngồi dự hội nghị trước phông nền màu đỏ",
        "Hội nghị triển khai Kế hoạch cải cách hành chính giai đoạn 2021 – 2025",
        "Delegates seated at a conference in front of a red backdrop",
        "Conference launching the 2021–2025 administrative reform plan",
    ),
    (
        "Chợ nổi Cái Bè",
        "market",
        "Các sạp trái cây nhiều màu sắc ở chợ quê",
        "Sạp trái cây tại chợ Cái Bè",
        "Colourful fruit stalls at a country market",
        "Fruit stalls at Cai Be market",
    ),
    (
        "Lúa chín Gò Công Tây",
        "rice_field",
        "Ruộng lúa đang vào vụ thu hoạch",
        "Nông dân Gò Công Tây chuẩn bị thu hoạch lúa",
        "Rice fields at harvest time",
        "Go Cong Tay farmers getting ready for the rice harvest",
    ),
    (
        "Kênh Chợ Gạo",
        "river",
        "Mặt nước kênh rộng với bờ cây xanh",
        "Kênh Chợ Gạo, tuyến đường thủy quan trọng của vùng",
        "A wide canal lined with green trees",
        "The Cho Gao canal, a major waterway of the region",
    ),
    (
        "Đối thoại với doanh nghiệp",
        "meeting",
        "Lãnh đạo tỉnh và đại diện doanh nghiệp ngồi quanh bàn họp",
        "Hội nghị đối thoại với doanh nghiệp năm 2021",
        "Provincial leaders and business representatives around a meeting table",
        "Dialogue conference with businesses, 2021",
    ),
    (
        "Phiên chợ nông sản",
        "market",
        "Nông sản được bày bán dưới những mái che đỏ, xanh, vàng",
        "Phiên chợ kết nối tiêu thụ nông sản",
        "Farm produce on sale under red, green and yellow awnings",
        "Market day connecting farmers with buyers",
    ),
]
GALLERY = {
    "vi": {
        "title": "Hoạt động tháng 10/2021",
        "slug": GALLERY_SLUG,
        "intro": "Một số hình ảnh hoạt động của các địa phương trong tỉnh.",
    },
    "en": {
        "title": "Activities, October 2021",
        "slug": "activities-october-2021",
        "intro": "Photos of activities in the province's districts.",
    },
}


def gallery_images():
    """The demo's photos in the image library, drawn the first time."""
    return [
        ensure_image(title, scene, seed, alt, f"demo-{seed + 1:02d}-{scene}.jpg", alt_en)
        for seed, (title, scene, alt, _caption, alt_en, _caption_en) in enumerate(PHOTOS)
    ]


def _publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_gallery(home, images, stdout):
    index = GalleryIndexPage.objects.child_of(home).filter(slug=INDEX["vi"]["slug"]).first()
    if index is None:
        index = _publish_child(home, GalleryIndexPage(**INDEX["vi"]))
        stdout.write("Created the gallery index.")
    translate_page(index, "en", {INDEX["vi"][key]: INDEX["en"][key] for key in INDEX["vi"]})

    gallery = GalleryPage.objects.child_of(index).filter(slug=GALLERY_SLUG).first()
    if gallery is None:
        gallery = GalleryPage(
            title=GALLERY["vi"]["title"],
            slug=GALLERY_SLUG,
            date=datetime.date(2021, 10, 15),
            intro=GALLERY["vi"]["intro"],
            cover_image=images[0],
        )
        # No alt text of their own: the photos use the image library's, in either language.
        gallery.gallery_images = [
            GalleryImage(image=image, caption=photo[3])
            for image, photo in zip(images, PHOTOS, strict=True)
        ]
        _publish_child(index, gallery)
        stdout.write("Created the demo gallery.")
    strings = {GALLERY["vi"][key]: GALLERY["en"][key] for key in GALLERY["vi"]}
    strings.update({photo[3]: photo[5] for photo in PHOTOS})
    translate_page(gallery, "en", strings)
    return index
