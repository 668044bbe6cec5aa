"""The public pages every browser test walks through. Add a page with one line."""

SEED_ARTICLE = "/tin-tuc/day-manh-cai-cach-hanh-chinh-giai-doan-2021-2025/"

PAGES = {
    "home": "/",
    "news": "/tin-tuc/",
    "article": SEED_ARTICLE,
    "home-en": "/en/",
    "not-found": "/khong-co-trang-nay/",
    "gallery": "/hinh-hoat-dong/hoat-dong-thang-10-2021/",
    "slideshow": "/slideshow/",
    "video": "/videos/cai-cach-hanh-chinh-tien-giang/",
    "budget": "/cong-khai-ngan-sach/",
    "search": "/tim-kiem/?q=c%E1%BA%A3i+c%C3%A1ch",
}

THEMES = ("normal", "high")
WIDTHS = {"desktop": 1280, "narrow": 360}
