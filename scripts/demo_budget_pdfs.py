"""Writes the demo's budget disclosure PDFs (demo/content/budget/*.pdf).

The demo ships these files so that ``load_demo`` needs neither a browser nor a PDF library:
run this script again (it needs the test extras and Debian's Chromium) only when the demo's
budget documents change. Each PDF is a public budget form as a province publishes it
(forms 46/CK-NSNN and 59/CK-NSNN of Circular 343/2016/TT-BTC), filled with sample figures and
saying so on every page.

    .venv/bin/python scripts/demo_budget_pdfs.py
"""

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo.budget_files import BUDGET_FILES, budget_rows  # noqa: E402

OUT = ROOT / "demo" / "content" / "budget"
STYLE = """
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 10.5pt; color: #000; }
.top { display: flex; justify-content: space-between; text-align: center; }
.top p { margin: 0; }
.form { text-align: right; font-style: italic; margin: 6mm 0 2mm; }
h1 { font-size: 13pt; text-align: center; margin: 2mm 0; text-transform: uppercase; }
.sub { text-align: center; font-style: italic; margin: 0 0 4mm; }
.unit { text-align: right; font-style: italic; margin: 0 0 1mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.6pt solid #000; padding: 1.6mm 2mm; }
th { font-weight: bold; text-align: center; }
td.n { text-align: right; white-space: nowrap; }
tr.group td { font-weight: bold; }
.sample { margin-top: 5mm; border: 1pt solid #000; padding: 2mm; font-weight: bold; }
"""


def _number(value):
    return f"{value:,.0f}".replace(",", ".") if value is not None else ""


def _percent(value):
    return f"{value:.1f}".replace(".", ",") if value is not None else ""


def document_html(spec):
    header = "".join(f"<th>{html.escape(label)}</th>" for label in spec.columns)
    body = []
    for row in budget_rows(spec):
        cells = [f"<td>{html.escape(row.code)}</td>", f"<td>{html.escape(row.label)}</td>"]
        cells += [f'<td class="n">{_number(value)}</td>' for value in row.amounts]
        cells += [f'<td class="n">{_percent(value)}</td>' for value in row.percents]
        body.append(f'<tr class="{"group" if row.group else ""}">{"".join(cells)}</tr>')
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(spec.title)}</title><style>{STYLE}</style></head><body>
<div class="top">
  <div><p>ỦY BAN NHÂN DÂN</p><p><b>TỈNH TIỀN GIANG</b></p></div>
  <div><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>
    <p><b>Độc lập - Tự do - Hạnh phúc</b></p></div>
</div>
<p class="form">Biểu số {html.escape(spec.form)}</p>
<h1>{html.escape(spec.title)}</h1>
<p class="sub">(Công bố ngày {spec.published_on:%d/%m/%Y})</p>
<p class="unit">Đơn vị: Triệu đồng</p>
<table><thead><tr>{header}</tr></thead><tbody>{"".join(body)}</tbody></table>
<p class="sample">DỮ LIỆU MẪU của bản trình diễn Cổng thông tin: không phải số liệu chính thức
của tỉnh Tiền Giang. (Sample data for the portal's demo, not official figures.)</p>
</body></html>"""


def main():
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        for spec in BUDGET_FILES:
            page.set_content(document_html(spec))
            target = OUT / spec.filename
            page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
        browser.close()


if __name__ == "__main__":
    main()
