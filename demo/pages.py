"""The static pages every portal has ("Giới thiệu", "Liên hệ", "Sơ đồ cổng"), in vi and en,
and the site menu: which sections it shows, in which order."""

from home.models import ContentPage

from .translation import translate_page

INTRO = {
    "vi": "Văn phòng Ủy ban nhân dân tỉnh Tiền Giang là cơ quan tham mưu, giúp việc cho "
    "Ủy ban nhân dân tỉnh và Chủ tịch Ủy ban nhân dân tỉnh.",
    "en": "The Office of the Tien Giang Provincial People's Committee advises and assists the "
    "Provincial People's Committee and its Chairman.",
}
PAGES = [
    {
        "slug": "gioi-thieu",
        "vi": {
            "title": "Giới thiệu",
            "intro": INTRO["vi"],
            "paragraphs": [
                "Văn phòng có chức năng tổng hợp, điều phối các hoạt động chung của "
                "Ủy ban nhân dân tỉnh; kiểm soát thủ tục hành chính; tổ chức triển khai "
                "thực hiện cơ chế một cửa, một cửa liên thông.",
                "Trụ sở: số 23, đường 30/4, phường 1, thành phố Mỹ Tho, tỉnh Tiền Giang.",
            ],
        },
        "en": {
            "title": "About us",
            "slug": "about-us",
            "intro": INTRO["en"],
            "paragraphs": [
                "The Office coordinates the common work of the Provincial People's Committee, "
                "controls administrative procedures and runs the one-stop-shop services.",
                "Address: 23, 30/4 Street, Ward 1, My Tho City, Tien Giang Province.",
            ],
        },
    },
    {
        "slug": "lien-he",
        "vi": {
            "title": "Liên hệ",
            "intro": "Mọi góp ý, phản ánh xin gửi về Văn phòng Ủy ban nhân dân tỉnh.",
            "paragraphs": [
                "Điện thoại: 0273 3 873 000. Thư điện tử: vanphong@example.gov.vn.",
                "Giờ làm việc: sáng 7 giờ – 11 giờ, chiều 13 giờ – 17 giờ, từ thứ Hai đến thứ Sáu.",
            ],
        },
        "en": {
            "title": "Contact",
            "slug": "contact",
            "intro": "Please send your comments and feedback to the Provincial Office.",
            "paragraphs": [
                "Telephone: 0273 3 873 000. Email: vanphong@example.gov.vn.",
                "Office hours: 7:00–11:00 and 13:00–17:00, Monday to Friday.",
            ],
        },
    },
    {
        "slug": "so-do-cong",
        "site_map": True,
        "vi": {
            "title": "Sơ đồ cổng",
            "intro": "Các chuyên mục của cổng thông tin.",
            "paragraphs": [],
        },
        "en": {
            "title": "Site map",
            "slug": "site-map",
            "intro": "The sections of the portal.",
            "paragraphs": [],
        },
    },
]
# The sections the menu shows after the home page, in this order (by slug of the vi page).
MENU = ["gioi-thieu", "tin-tuc", "hinh-hoat-dong", "videos", "cong-khai-ngan-sach", "lien-he"]
# "so-do-cong" too, last.


def ensure_content_page(home, spec, stdout, **fields):
    """The ContentPage ``spec`` describes under ``home`` (created and published if missing,
    with ``fields``), translated into English."""
    vi, en = spec["vi"], spec["en"]
    page = ContentPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = ContentPage(
            title=vi["title"],
            slug=spec["slug"],
            intro=vi["intro"],
            body=[("paragraph", f"<p>{text}</p>") for text in vi["paragraphs"]],
            **fields,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        stdout.write(f"Created the page {vi['title']}.")
    strings = {vi["title"]: en["title"], vi["intro"]: en["intro"], spec["slug"]: en["slug"]}
    strings.update(zip(vi["paragraphs"], en["paragraphs"], strict=True))
    translate_page(page, "en", strings)
    return page


def build_content_pages(home, stdout):
    return [
        ensure_content_page(
            home, spec, stdout, show_site_map=spec.get("site_map", False), show_in_menus=True
        )
        for spec in PAGES
    ]


def build_menu(home, stdout):
    """Tick "show in menus" on the sections of ``MENU`` and the site map, and order them so;
    other sections (the slideshow) stay out of the menu."""
    wanted = [*MENU, "so-do-cong"]
    children = {page.slug: page for page in home.get_children().specific()}
    changed = False
    for slug in wanted:
        page = children.get(slug)
        if page is None or page.show_in_menus:
            continue
        page.show_in_menus = True
        page.save_revision().publish()
        for translation in page.get_translations():
            translation = translation.specific
            translation.show_in_menus = True
            translation.save_revision().publish()
        changed = True
    _order(home, [slug for slug in wanted if slug in children])
    if changed:
        stdout.write("Chose the menu's sections.")


def _order(home, slugs):
    """Move the sections into ``slugs`` order in every language (the menu follows the tree)."""
    for parent in [home, *home.get_translations()]:
        by_key = {page.translation_key: page for page in parent.get_children()}
        source = {page.slug: page for page in home.get_children()}
        ordered = [by_key.get(source[slug].translation_key) for slug in slugs]
        ordered = [page for page in ordered if page is not None]
        current = [page.pk for page in parent.get_children() if page in ordered]
        if current == [page.pk for page in ordered]:
            continue
        for previous, page in zip(ordered, ordered[1:], strict=False):
            page.refresh_from_db()
            previous.refresh_from_db()
            page.move(previous, pos="right")
