"""Demo slideshow: the seed page's "Slideshow Image 1…8"."""

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
            slides.append(Slide(image=image, title=title, caption=ALT[scene]))
        page.slides = slides
        home.add_child(instance=page)
        page.save_revision().publish()
        stdout.write("Created the slideshow.")
    strings = {PAGE["vi"][key]: PAGE["en"][key] for key in PAGE["vi"]}
    strings.update({ALT[scene]: ALT_EN[scene] for scene in SCENES})  # the slides' captions
    translate_page(page, "en", strings)
    return page
