"""Tables in article bodies: what the template draws (caption, header row and column as the
editor chose them) and the cells as strings a translator sees in wagtail-localize."""

import copy
import re
from dataclasses import dataclass, field

from wagtail.contrib.table_block.blocks import TableBlock

_CELL_PATH = re.compile(r"^r(\d+)c(\d+)$")
# Whole numbers read the same in every language; "5,6" (decimal comma) does not.
_SAME_IN_EVERY_LANGUAGE = re.compile(r"^[+-]?\d+%?$")
CAPTION_PATH = "caption"


@dataclass(frozen=True)
class TableRow:
    header: str | None  # the first cell, when the first column is a header column
    cells: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TableData:
    caption: str
    header: list[str]  # the header row, empty when there is none
    rows: list[TableRow]
    header_column: bool

    @classmethod
    def from_value(cls, value, title=""):
        """``value`` is a TableBlock value (a dict); ``title`` wins over its own caption."""
        value = value or {}
        data = [[_text(cell) for cell in row] for row in value.get("data") or []]
        header_row, header_column = header_choice(value)
        header = data[0] if header_row and data else []
        body = data[1:] if header else data
        rows = [
            TableRow(row[0], row[1:]) if header_column and row else TableRow(None, row)
            for row in body
        ]
        own = _text(value.get("table_caption"))
        caption = title.strip() or own
        if title.strip() and own and own != title.strip():
            caption = f"{title.strip()}. {own}"
        return cls(caption=caption, header=header, rows=rows, header_column=header_column)


def header_choice(value):
    """(first row is a header, first column is a header). The editor's choice wins over the
    older booleans (Wagtail writes "col" when it reads old tables but "column" from the form)."""
    choice = value.get("table_header_choice") or ""
    if choice:
        return choice in ("row", "both"), choice in ("col", "column", "both")
    return bool(value.get("first_row_is_table_header")), bool(value.get("first_col_is_header"))


def _text(cell):
    return "" if cell is None else str(cell).strip()


class TranslatableTableBlock(TableBlock):
    """A TableBlock whose caption and cells are translatable segments in wagtail-localize
    (which otherwise skips tables: the English page kept the Vietnamese figures' labels)."""

    def get_translatable_segments(self, value):
        from wagtail_localize.segments import StringSegmentValue

        if not value:
            return []
        segments = []
        if _text(value.get("table_caption")):
            segments.append(StringSegmentValue(CAPTION_PATH, _text(value["table_caption"])))
        for r, row in enumerate(value.get("data") or []):
            for c, cell in enumerate(row):
                if _text(cell) and not _SAME_IN_EVERY_LANGUAGE.match(_text(cell)):
                    segments.append(StringSegmentValue(f"r{r}c{c}", _text(cell)))
        return segments

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            text = segment.render_text()
            if segment.path == CAPTION_PATH:
                value["table_caption"] = text
                continue
            match = _CELL_PATH.match(segment.path)
            if match:
                r, c = int(match[1]), int(match[2])
                value["data"][r][c] = text
        return value
