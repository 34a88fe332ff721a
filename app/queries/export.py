"""Export of list rows: what a person selected in a list, for a spreadsheet (CSV or XLSX).

Both formats go through the shared writer (app/exports/tables.py), so a cell that reads
like a formula ("=HYPERLINK(...)", "@SUM(...)") is escaped and never runs when the file
is opened.
"""
from __future__ import annotations

from pathlib import Path

from app.exports.tables import write_table
from app.queries.listing import ListSpec, fetch_rows
from app.rules.standards import currency_exponent

CHUNK = 500


def _decimal(minor: int | None, currency: str | None) -> str:
    if minor is None:
        return ""
    exp = currency_exponent(currency or "CNY")
    if not exp:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), 10 ** exp)
    return f"{sign}{whole}.{frac:0{exp}d}"


def _number(minor: int | None, currency: str | None):
    """A spreadsheet number for an amount (a decimal in its currency's unit)."""
    if minor is None:
        return None
    exp = currency_exponent(currency or "CNY")
    return minor if not exp else round(minor / 10 ** exp, exp)


def export_rows(session, spec: ListSpec, ids: list[str], path: Path | str, *, columns: list[str] | None = None,
                labels: dict[str, str] | None = None) -> int:
    """Write the rows of `ids` (in that order) to CSV (UTF-8 with a BOM, so spreadsheet
    programs read Chinese correctly) or XLSX, by the file's extension. Money is a decimal
    amount (a number in XLSX) followed by its currency column. `columns` limits and
    orders the columns by key; `labels` renames headers. Returns the rows written."""
    xlsx = str(path).lower().endswith(".xlsx")
    chosen = [c for c in spec.columns if c.kind != "sync" and (columns is None or c.key in columns)]
    if columns is not None:
        chosen.sort(key=lambda c: columns.index(c.key))
    offsets, offset = {}, 0
    for c in spec.columns:
        offsets[c.key] = offset
        offset += 2 if c.kind == "money" else 1
    header = []
    for c in chosen:
        header.append((labels or {}).get(c.key, c.label))
        if c.kind == "money":
            header.append((labels or {}).get("currency", "Currency"))
    amount = _number if xlsx else _decimal

    def lines():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            rows = fetch_rows(session, spec, chunk)
            for rid in chunk:
                values = rows.get(rid)
                if values is None:
                    continue
                line = []
                for c in chosen:
                    raw = values[offsets[c.key]]
                    if c.kind == "money":
                        currency = values[offsets[c.key] + 1]
                        line += [amount(raw, currency), currency or ""]
                    elif isinstance(raw, bool) or c.kind == "bool":
                        line.append("yes" if raw else "no")
                    else:
                        line.append("" if raw is None and not xlsx else raw)
                yield line

    options = {"sheet": spec.entity} if xlsx else {}
    return write_table(path, header, lines(), **options)


def export_csv(session, spec: ListSpec, ids: list[str], path: Path | str, *, columns: list[str] | None = None,
               labels: dict[str, str] | None = None) -> int:
    """`export_rows` to a CSV file (kept for callers that name the format)."""
    return export_rows(session, spec, ids, path, columns=columns, labels=labels)
