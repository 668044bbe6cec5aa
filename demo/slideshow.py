"""Demo slideshow: the seed page's eight pictures ("Slideshow Image 1…8" in the image
library, as on the seed page), each slide titled with what it shows."""

from articles.models import Slide, SlideshowPage

from .imagegen import ensure_image
from .translation import translate_page

PAGE = {
    "vi": {"title": "Slideshow trang chủ", "slug": "slideshow", "intro": "Hình ảnh nổi bật."},
    "en": {"title": "Home slideshow", "slug": "slideshow", "intro": "Featured pictures."},
}
SCENES = ["river", "rice_field", "market", "meeting"]
ALT = {
    "river": "Sông nước miền Tây với ghe thuyền",
    "rice_field": "Đồng lúa xanh ở Tiền Giang",
    "market": "Chợ quê với các sạp trái cây",
    "meeting": "Hội nghị của tỉnh",
}
ALT_EN = {
    "river": "Mekong delta waterways with boats",
    "rice_field": "Green rice fields in Tien Giang",
    "market": "A country market with fruit stalls",
    "meeting": "A provincial conference",
}


# Each slide's title, in Vietnamese and English (the pictures repeat the four scenes).
TITLES = [
    ("Chợ nổi Cái Bè", "Cai Be floating market"),
    ("Cánh đồng lúa Cai Lậy", "Rice fields of Cai Lay"),
    ("Phiên chợ quê Chợ Gạo", "A country market in Cho Gao"),
    ("Hội nghị cải cách hành chính", "Administrative reform conference"),
    ("Sông Tiền mùa nước lên", "The Tien River at high water"),
    ("Vụ lúa Thu Đông", "The autumn–winter rice crop"),
    ("Phiên chợ sáng ở Mỹ Tho", "A morning market in My Tho"),
    ("Hội nghị tổng kết năm", "Year-end review conference"),
]


def build_slideshow(home, stdout):
    page = SlideshowPage.objects.child_of(home).filter(slug=PAGE["vi"]["slug"]).first()
    if page is None:
        page = SlideshowPage(**PAGE["vi"])
        slides = []
        for number in range(1, 9):
            scene = SCENES[(number - 1) % len(SCENES)]
            title = f"Slideshow Image {number}"
            image = ensure_image(
                title, scene, 100 + number, ALT[scene], f"slideshow-{number}.jpg", ALT_EN[scene]
            )
            slides.append(
                Slide(
                    image=image,
                    title=TITLES[number - 1][0],
                    caption=ALT[scene],
                    sort_order=number - 1,
                )
            )
        page.slides = slides
        home.add_child(instance=page)
        page.save_revision().publish()
        stdout.write("Created the slideshow.")
    strings = {PAGE["vi"][key]: PAGE["en"][key] for key in PAGE["vi"]}
    strings.update({ALT[scene]: ALT_EN[scene] for scene in SCENES})  # the slides' captions
    strings.update(dict(TITLES))
    translate_page(page, "en", strings)
    return page
