"""Streaming readers for reading files: CSV (``;`` or ``,``) and JSON (a list of objects).

Both yield ``(line_number, row_dict)`` pairs one at a time, so a file is never held whole in
memory. A file that cannot be read at all raises :class:`FileFormatError`."""

import csv
import io
import itertools
import json
from decimal import Decimal

from django.utils.translation import gettext as _

COLUMNS = ("station_code", "metric", "observed_at", "value")
MAX_ITEM_CHARS = 1024 * 1024


class FileFormatError(Exception):
    """The file as a whole is unusable (empty, wrong header, not text, broken JSON)."""

    def __init__(self, message, line=1):
        super().__init__(message)
        self.message = message
        self.line = line


def as_text(file):
    """A text stream over ``file`` (a path, a binary or a text file object)."""
    if isinstance(file, str | bytes) or hasattr(file, "__fspath__"):
        return open(file, encoding="utf-8-sig", newline="")  # noqa: SIM115
    if isinstance(file, io.TextIOBase):
        return file
    return io.TextIOWrapper(file, encoding="utf-8-sig", newline="")


def _lines(stream):
    try:
        yield from stream
    except UnicodeDecodeError as exc:
        raise FileFormatError(_("The file is not UTF-8 text; save it as CSV UTF-8.")) from exc


def read_csv(stream):
    lines = _lines(stream)
    header_line = next((line for line in lines if line.strip()), None)
    if header_line is None:
        raise FileFormatError(_("The file is empty."))
    delimiter = ";" if header_line.count(";") >= header_line.count(",") else ","
    reader = csv.reader(itertools.chain([header_line], lines), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader)]
    if sorted(header) != sorted(COLUMNS):
        raise FileFormatError(
            _("The header must be %(expected)s; found %(found)s.")
            % {"expected": ";".join(COLUMNS), "found": ";".join(header) or "-"}
        )
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            yield reader.line_num, {"__error__": len(cells)}
            continue
        yield reader.line_num, dict(zip(header, cells, strict=True))


def read_json(stream, chunk_size=64 * 1024):
    """Decode a top-level JSON list item by item with ``raw_decode`` over a sliding buffer."""
    decoder = json.JSONDecoder(parse_float=Decimal)
    chunks = iter(lambda: stream.read(chunk_size), "")
    buffer, pos, line = "", 0, 1

    def more():
        nonlocal buffer, pos, line
        line += buffer.count("\n", 0, pos)
        buffer = buffer[pos:]
        pos = 0
        try:
            chunk = next(chunks)
        except StopIteration:
            return False
        except UnicodeDecodeError as exc:
            raise FileFormatError(_("The file is not UTF-8 text."), line) from exc
        buffer += chunk
        return True

    def next_char():
        nonlocal pos
        while True:
            while pos < len(buffer) and buffer[pos].isspace():
                pos += 1
            if pos < len(buffer):
                return buffer[pos]
            if not more():
                return ""

    def current_line():
        return line + buffer.count("\n", 0, pos)

    first = next_char()
    if first == "":
        raise FileFormatError(_("The file is empty."))
    if first != "[":
        raise FileFormatError(_("A JSON file must contain a list of readings."))
    pos += 1
    expect_value = True
    while True:
        char = next_char()
        if char == "":
            raise FileFormatError(_("The JSON list is not closed."), current_line())
        if char == "]":
            return
        if expect_value is None:
            if char != ",":
                raise FileFormatError(_("Invalid JSON: a comma is missing."), current_line())
            pos += 1
            expect_value = True
            continue
        while True:
            try:
                item, end = decoder.raw_decode(buffer, pos)
                break
            except json.JSONDecodeError as exc:
                # One reading is a few dozen bytes: a megabyte without a complete item is broken.
                if len(buffer) - pos > MAX_ITEM_CHARS or not more():
                    raise FileFormatError(
                        _("Invalid JSON: %(error)s") % {"error": exc.msg}, current_line()
                    ) from exc
        item_line = current_line()
        pos = end
        yield item_line, item if isinstance(item, dict) else {"__error__": 0}
        expect_value = None


def read_rows(file, name=""):
    """Pick the reader by file name, else by the first character (``[`` means JSON)."""
    stream = as_text(file)
    if name.lower().endswith(".json"):
        return read_json(stream)
    if name.lower().endswith(".csv"):
        return read_csv(stream)
    peek = stream.read(1)
    while peek.isspace():
        peek = stream.read(1)
    rest = itertools.chain([peek], iter(lambda: stream.read(64 * 1024), ""))
    if peek == "[":
        return read_json(_Chained(rest))
    return read_csv(_Chained(rest).lines())


class _Chained:
    """A minimal read()-able stream over an iterator of strings."""

    def __init__(self, parts):
        self.parts = parts

    def read(self, size=-1):
        for part in self.parts:
            if part:
                return part
        return ""

    def lines(self):
        pending = ""
        for part in self.parts:
            pending += part
            *complete, pending = pending.split("\n")
            for line in complete:
                yield line + "\n"
        if pending:
            yield pending
