"""Rows to CSV or XLSX, safe to open in a spreadsheet.

A cell whose text starts like a formula (=, +, -, @, a tab or a carriage return) could
run as one when the file is opened ("=cmd|' /C calc'!A0"). CSV cells get a leading
apostrophe, the OWASP-recommended escape; XLSX cells are written as text with the
"quote prefix" flag, Excel's own marker for "text, even if it looks like a formula",
so the value stays intact and is never evaluated. Negative numbers are numbers, not
formulas, and are left alone.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"^-\d+(\.\d+)?$")
XLSX_CELL_LIMIT = 32_767  # characters Excel keeps in one cell


def dangerous(text: str) -> bool:
    """True if `text` would be read as a formula by a spreadsheet."""
    return bool(text) and text.startswith(FORMULA_START) and not _NUMBER.match(text)


def escape_csv(value) -> str:
    """A value as CSV cell text, formula-like text prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if dangerous(text) else text


def write_csv(path: Path | str, columns: Sequence[str], rows: Iterable[Sequence], *, bom: bool = True) -> int:
    """Write a header and rows to `path` (UTF-8, with a BOM by default so spreadsheet
    programs read Chinese correctly); returns the number of rows written. The file
    appears whole or not at all (written beside it, then renamed)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        with open(tmp, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as out:
            writer = csv.writer(out)
            writer.writerow([escape_csv(c) for c in columns])
            for row in rows:
                writer.writerow([escape_csv(v) for v in row])
                count += 1
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return count


def write_xlsx(path: Path | str, columns: Sequence[str], rows: Iterable[Sequence], *,
               sheet: str = "Data") -> int:
    """Write a header and rows as one sheet of an XLSX workbook; numbers, dates and
    booleans keep their types, text is never a formula. Returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    path = Path(path)
    book = Workbook(write_only=True)
    ws = book.create_sheet(_sheet_title(sheet))
    bold = Font(bold=True)

    def cell(value, header=False):
        if isinstance(value, str) and len(value) > XLSX_CELL_LIMIT:
            value = value[:XLSX_CELL_LIMIT]
        c = WriteOnlyCell(ws, value=_xlsx_value(value))
        if isinstance(value, str):
            c.data_type = "s"
            if dangerous(value):
                c.quotePrefix = True
        if header:
            c.font = bold
        return c

    ws.append([cell(c, True) for c in columns])
    count = 0
    for row in rows:
        ws.append([cell(v) for v in row])
        count += 1
    tmp = path.with_name(path.name + ".part")
    try:
        book.save(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return count


def write_table(path: Path | str, columns: Sequence[str], rows: Iterable[Sequence], **options) -> int:
    """CSV or XLSX by the file's extension."""
    if str(path).lower().endswith(".xlsx"):
        return write_xlsx(path, columns, rows, **{k: v for k, v in options.items() if k == "sheet"})
    return write_csv(path, columns, rows, **{k: v for k, v in options.items() if k == "bom"})


def _xlsx_value(value):
    if isinstance(value, (dt.datetime, dt.date, int, float, bool)) or value is None:
        return value
    return _ILLEGAL.sub("", str(value))


# Control characters XML 1.0 (and so XLSX) cannot hold.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _sheet_title(text: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", text).strip()[:31] or "Data"
