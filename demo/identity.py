"""The demo province's identity (Tiền Giang): the agency's details in the site settings, an
emblem drawn with Pillow, and the accessibility statement and privacy notice the footer
links to, in Vietnamese and English. Safe to re-run: what exists is kept."""

import io
import math

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Site

from home.identity import SiteIdentity
from home.models import ContentPage

from .pages import ensure_content_page

EMBLEM_TITLE = "Biểu trưng Ủy ban nhân dân tỉnh Tiền Giang (minh họa)"
IDENTITY = {
    "agency_name": "Văn phòng Ủy ban nhân dân tỉnh Tiền Giang",
    "agency_name_en": "Office of the Tien Giang Provincial People's Committee",
    "parent_body": "Ủy ban nhân dân tỉnh Tiền Giang",
    "parent_body_en": "Tien Giang Provincial People's Committee",
    "address": "Số 23, đường 30/4, Phường 1, TP. Mỹ Tho, tỉnh Tiền Giang",
    "address_en": "23, 30/4 Street, Ward 1, My Tho City, Tien Giang Province",
    "phone": "0273 3 873 000",
    "fax": "0273 3 873 001",
    "email": "vanphong@example.gov.vn",
    "responsible_person": "Chánh Văn phòng Ủy ban nhân dân tỉnh Tiền Giang",
    "responsible_person_en": "Chief of the Office of the Tien Giang Provincial People's Committee",
    "licence": "Giấy phép số 00/GP-TTĐT (dữ liệu minh họa) do Sở Thông tin và Truyền thông cấp",
    "licence_en": "Licence No. 00/GP-TTĐT (demo data) issued by the Department of Information "
    "and Communications",
}
PAGES = {
    "accessibility_page": {
        "slug": "tuyen-bo-tiep-can",
        "vi": {
            "title": "Tuyên bố về khả năng tiếp cận",
            "intro": "Cổng thông tin cam kết để mọi người, kể cả người khuyết tật, đều sử dụng "
            "được.",
            "paragraphs": [
                "Cổng thông tin được xây dựng theo Tiêu chuẩn WCAG 2.1 mức AA: dùng được bằng "
                "bàn phím, với trình đọc màn hình, khi phóng to chữ đến 200% và không cần "
                "JavaScript.",
                "Nút “Tương phản” ở đầu trang đổi sang giao diện chữ sáng trên nền tối "
                "với độ tương phản tối thiểu 7:1.",
                "Một số tài liệu PDF cũ và nội dung chưa dịch sang tiếng Anh có thể chưa đáp "
                "ứng đầy đủ; chúng tôi đang khắc phục dần.",
                "Nếu gặp khó khăn khi sử dụng, xin liên hệ Văn phòng qua trang Liên hệ; chúng "
                "tôi trả lời trong vòng 5 ngày làm việc.",
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility-statement",
            "intro": "The portal aims to be usable by everyone, including people with "
            "disabilities.",
            "paragraphs": [
                "The portal follows WCAG 2.1 level AA: it works with a keyboard, with screen "
                "readers, with text enlarged to 200% and without JavaScript.",
                "The “High contrast” button at the top of each page switches to light text on a "
                "dark background with a contrast of at least 7:1.",
                "Some older PDF documents and content not yet translated into English may not "
                "fully meet the standard; we are fixing them.",
                "If you have difficulty using the portal, please write to the Office through "
                "the Contact page; we answer within 5 working days.",
            ],
        },
    },
    "privacy_page": {
        "slug": "chinh-sach-bao-ve-du-lieu-ca-nhan",
        "vi": {
            "title": "Chính sách bảo vệ dữ liệu cá nhân",
            "intro": "Cổng thông tin xử lý dữ liệu cá nhân theo Nghị định 13/2023/NĐ-CP.",
            "paragraphs": [
                "Khi bạn đọc tin, cổng không đặt cookie theo dõi và không dùng dịch vụ phân "
                "tích của bên thứ ba.",
                "Lựa chọn giao diện độ tương phản cao được lưu trong một cookie trên máy của "
                "bạn, chỉ để hiển thị trang theo lựa chọn đó.",
                "Khi bạn đánh giá một bài viết, cổng lưu cookie “portal_visitor” (một mã ngẫu "
                "nhiên có chữ ký, không chứa thông tin cá nhân, giữ trong một năm) để mỗi người "
                "đọc chỉ có một lượt đánh giá cho mỗi bài. Cổng không lưu địa chỉ IP.",
                "Số liệu thống kê truy cập chỉ được đếm tổng, không gắn với từng người đọc.",
                "Mọi yêu cầu về dữ liệu cá nhân xin gửi về Văn phòng qua trang Liên hệ.",
            ],
        },
        "en": {
            "title": "Privacy notice",
            "slug": "privacy-notice",
            "intro": "The portal processes personal data under Decree 13/2023/ND-CP.",
            "paragraphs": [
                "When you read the news, the portal sets no tracking cookie and uses no "
                "third-party analytics.",
                "Your high-contrast choice is kept in a cookie on your device, only to show "
                "pages that way.",
                "When you rate an article, the portal keeps a “portal_visitor” cookie (a signed "
                "random code with no personal data, kept for one year) so that each reader has "
                "one rating per article. The portal does not store IP addresses.",
                "Visitor statistics are counted as totals, never tied to a reader.",
                "Please send any request about personal data to the Office through the "
                "Contact page.",
            ],
        },
    },
}
CONTACT_SLUG = "lien-he"


def _star(cx, cy, radius):
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        r = radius if i % 2 == 0 else radius * 0.382
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def render_emblem(size=240):
    """A round emblem in the style of a People's Committee's: a gold ring, a red disc, a
    gold star and a band of rice. A demo image, not the real emblem."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    gold, red = (245, 196, 0), (200, 16, 46)
    draw.ellipse([2, 2, size - 3, size - 3], fill=gold)
    draw.ellipse([14, 14, size - 15, size - 15], fill=red)
    draw.polygon(_star(size / 2, size * 0.44, size * 0.26), fill=gold)
    for side in (-1, 1):  # ears of rice around the lower half
        for step in range(7):
            angle = math.pi / 2 + side * (0.35 + step * 0.17)
            x = size / 2 + math.cos(angle) * size * 0.36
            y = size / 2 + math.sin(angle) * size * 0.36
            draw.ellipse([x - 7, y - 11, x + 7, y + 11], fill=gold)
    draw.rectangle([size * 0.3, size * 0.76, size * 0.7, size * 0.82], fill=gold)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def ensure_emblem():
    model = get_image_model()
    image = model.objects.filter(title=EMBLEM_TITLE).first()
    if image is None:
        image = model(
            title=EMBLEM_TITLE,
            description="Biểu trưng Ủy ban nhân dân tỉnh Tiền Giang",
        )
        if hasattr(image, "alt_text_en"):
            image.alt_text_en = "Emblem of the Tien Giang Provincial People's Committee"
        name = "bieu-trung.png"
        image.file.save(name, ImageFile(io.BytesIO(render_emblem()), name=name), save=False)
        image.save()
    return image


def build_identity(home, stdout):
    """Fill the default site's identity where it is empty (an editor's value is kept)."""
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    identity = SiteIdentity.for_site(site)
    changed = False
    for field, value in IDENTITY.items():
        if not getattr(identity, field):
            setattr(identity, field, value)
            changed = True
    if identity.emblem_id is None:
        identity.emblem = ensure_emblem()
        changed = True
    for field, spec in PAGES.items():
        page = ensure_content_page(home, spec, stdout)
        if getattr(identity, f"{field}_id") is None:
            setattr(identity, field, page)
            changed = True
    if identity.contact_page_id is None:
        contact = ContentPage.objects.child_of(home).filter(slug=CONTACT_SLUG).first()
        if contact is not None:
            identity.contact_page = contact
            changed = True
    if changed:
        identity.save()
        stdout.write("Filled in the site's identity.")
    return identity
