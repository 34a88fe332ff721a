"""Reading a CSV or XLSX file into a table of text cells.

The format is decided by the file's bytes, not its name: an XLSX is a ZIP archive; the
old binary .xls is refused with a hint; anything else is read as delimited text in the
detected (or chosen) encoding. Cells come back as stripped strings ("" when empty);
dates from a spreadsheet as `YYYY-MM-DD` (or a timestamp when they carry a time),
numbers without a spurious `.0`. Formulas are never evaluated: an XLSX gives the value
the spreadsheet last showed, a CSV the text as written.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from app.imports import encodings
from app.imports.errors import FileProblem

MAX_BYTES = 512 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
DELIMITERS = ",;\t|"


@dataclass
class Table:
    """A file read as a header and rows of text cells."""

    path: Path
    format: str                     # csv | xlsx
    columns: list[str]
    rows: list[list[str]]
    lines: list[int]                # the source line (CSV) or sheet row (XLSX) of each row
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    problems: dict[int, str] = field(default_factory=dict)  # row index -> why it is malformed

    def records(self):
        """Each row as (line, {column: text}, problem or None)."""
        width = len(self.columns)
        for i, (line, cells) in enumerate(zip(self.lines, self.rows)):
            padded = cells + [""] * (width - len(cells))
            yield line, dict(zip(self.columns, padded)), self.problems.get(i)


def read_table(path: Path | str, *, encoding: str | None = None, sheet: str | None = None) -> Table:
    """Read `path` (CSV or XLSX). Raises FileProblem with a sentence for a file that
    cannot be read at all (missing, binary, damaged, truncated inside a quoted cell, no
    header); a row with the wrong number of cells is kept with its problem noted."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileProblem(f"{path.name} is {size // 1_000_000} MB; the importer reads files up to "
                              f"{MAX_BYTES // 1_000_000} MB")
        with open(path, "rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise FileProblem(f"no such file: {path}") from None
    except IsADirectoryError:
        raise FileProblem(f"{path} is a directory; give a file, or use the directory form") from None
    if head.startswith(ZIP_MAGIC):
        return _read_xlsx(path, sheet)
    if head.startswith(OLE_MAGIC):
        raise FileProblem(f"{path.name} is an old Excel .xls file; save it as .xlsx or CSV first")
    return _read_csv(path, encoding)


def _read_csv(path: Path, encoding: str | None) -> Table:
    text, used = encodings.decode(path.read_bytes(), encoding)
    if not text.strip():
        raise FileProblem(f"{path.name} is empty")
    delimiter = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header, rows, lines = None, [], []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = _header(cells, path)
                continue
            rows.append([c.strip() for c in cells])
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise FileProblem(f"{path.name}, line {reader.line_num}: {_csv_reason(exc)}; "
                          "the file may be truncated or not a CSV file") from None
    if header is None:
        raise FileProblem(f"{path.name} has no header row")
    table = Table(path, "csv", header, rows, lines, encoding=used, delimiter=delimiter)
    _note_widths(table)
    return table


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return f"a cell is longer than {csv.field_size_limit():,} characters"
    if "unexpected end of data" in text:
        return "a quoted cell is never closed"
    return text


def _sniff(text: str) -> str:
    sample = text[:64 * 1024]
    first = sample.splitlines()[0] if sample else ""
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        # One column, or a sample the sniffer cannot decide: the most frequent
        # candidate in the header line, else a comma.
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _header(cells: list[str], path: Path) -> list[str]:
    cells = [c.strip().lstrip("\ufeff").strip() for c in cells]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()  # trailing empty header cells (a spreadsheet's stray separators)
    names, seen = [], set()
    for i, cell in enumerate(cells, start=1):
        name = cell or f"column {i}"
        if name.casefold() in seen:
            raise FileProblem(f"{path.name}: the column {name!r} appears twice in the header")
        seen.add(name.casefold())
        names.append(name)
    return names


def _note_widths(table: Table) -> None:
    width = len(table.columns)
    for i, cells in enumerate(table.rows):
        extra = cells[width:]
        if any(extra):
            table.problems[i] = f"has {len(cells)} cells, the header has {width}"
        elif len(cells) < width:
            table.problems[i] = f"has only {len(cells)} of the header's {width} cells (truncated?)"
        del cells[width:]


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # A file object, not the path: openpyxl would refuse a workbook saved as ".csv".
    handle = open(path, "rb")
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        handle.close()
        raise FileProblem(f"{path.name} is not a readable XLSX workbook (damaged or truncated?): {exc}") from None
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise FileProblem(f"{path.name} has no sheet {sheet!r}; it has {', '.join(book.sheetnames)}")
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        header, rows, lines = None, [], []
        try:
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = [_cell_text(v) for v in values]
                if not any(cells):
                    continue
                if header is None:
                    header = _header(cells, path)
                    continue
                rows.append(cells)
                lines.append(number)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
            raise FileProblem(f"{path.name}: the sheet cannot be read (damaged or truncated?): {exc}") from None
        if header is None:
            raise FileProblem(f"{path.name}: the sheet {ws.title!r} has no header row")
        table = Table(path, "xlsx", header, rows, lines, sheet=ws.title)
        _note_widths(table)
        return table
    finally:
        book.close()
        handle.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()
