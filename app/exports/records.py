"""Any entity's records as a table: the rows a list shows, for CSV or XLSX.

Columns are the entity's fields in wire form, except money: a `*_minor` field is
written as a decimal amount in its record's currency under the field's name without
the suffix ("credit_limit"), the form people type in spreadsheets and the one the
importer reads back by default, so an export imports again unchanged.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.exports.tables import write_table
from app.models import ENTITIES
from app.rules.schema import entity_spec
from app.rules.standards import currency_exponent

CHUNK = 500


def columns(entity: str, fields: list[str] | None = None) -> list[str]:
    """The header of an export: the fields (default: every data field, id first)."""
    spec = entity_spec(entity)
    names = fields or ["id"] + [n for n in spec.data_fields()]
    unknown = [n for n in names if n not in spec.fields]
    if unknown:
        raise ValueError(f"{entity} has no field {', '.join(unknown)}")
    return [n[:-6] if n.endswith("_minor") else n for n in names]


def rows(session, entity: str, *, ids: list[str] | None = None, fields: list[str] | None = None):
    """The records' cells in the order of `columns` (live records; `ids` in their order)."""
    spec = entity_spec(entity)
    names = fields or ["id"] + spec.data_fields()
    table = ENTITIES[entity].__table__
    currency_field = "currency" if "currency" in spec.fields else None

    def cells(record):
        currency = record.get(currency_field) if currency_field else None
        out = []
        for name in names:
            value = record.get(name)
            if name.endswith("_minor") and value is not None:
                value = _decimal(value, currency)
            out.append(value)
        return out

    if ids is None:
        stmt = select(table).where(table.c.deleted_at.is_(None)).order_by(table.c.created_at, table.c.id)
        for record in session.execute(stmt).mappings():
            yield cells(record)
        return
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        found = {r["id"]: r for r in session.execute(select(table).where(
            table.c.id.in_(chunk), table.c.deleted_at.is_(None))).mappings()}
        for rid in chunk:
            if rid in found:
                yield cells(found[rid])


def export_records(session, entity: str, path: Path | str, *, ids: list[str] | None = None,
                   fields: list[str] | None = None) -> int:
    """Write `entity`'s records (all live ones, or `ids` in order) to CSV or XLSX by the
    file's extension; returns the number of records written."""
    return write_table(path, columns(entity, fields), rows(session, entity, ids=ids, fields=fields),
                       **({"sheet": entity} if str(path).lower().endswith(".xlsx") else {}))


def _decimal(minor: int, currency: str | None) -> str:
    exp = currency_exponent(currency or "CNY")
    if not exp:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), 10 ** exp)
    return f"{sign}{whole}.{frac:0{exp}d}"
