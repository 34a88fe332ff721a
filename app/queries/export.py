"""CSV export of list rows: what a person selected in a list, for a spreadsheet."""
from __future__ import annotations

import csv
from pathlib import Path

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


def export_csv(session, spec: ListSpec, ids: list[str], path: Path | str, *, columns: list[str] | None = None,
               labels: dict[str, str] | None = None) -> int:
    """Write the rows of `ids` (in that order) to a UTF-8 CSV with a BOM (so spreadsheet
    programs read Chinese correctly). Money is a decimal amount followed by its currency
    column. `columns` limits and orders the columns by key; `labels` renames headers.
    Returns the number of rows written."""
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
    written = 0
    with open(path, "w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(header)
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
                        line += [_decimal(raw, currency), currency or ""]
                    elif isinstance(raw, bool) or c.kind == "bool":
                        line.append("yes" if raw else "no")
                    else:
                        line.append("" if raw is None else raw)
                writer.writerow(line)
                written += 1
    return written
