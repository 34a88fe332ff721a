"""Big lists as SQL: a list is a spec (columns as SQL expressions, named filters, a
default order); a screen asks for the ordered ids once and then for rows by id, a page
at a time, so 100,000 records never become 100,000 Python objects."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import text

from app import clock


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sql: str
    kind: str = "text"  # text | money | date | datetime | stage | status | bool | sync
    visible: bool = True
    currency_sql: str | None = None  # for money: the expression holding the currency


@dataclass(frozen=True)
class SavedFilter:
    key: str
    label: str
    where: str  # SQL over the spec's FROM, with :me, :today, :week_end, :days_90_ago


@dataclass(frozen=True)
class ListSpec:
    entity: str
    from_sql: str
    id_sql: str
    columns: tuple[Column, ...]
    default_sort: str
    search_sql: tuple[str, ...] = ()  # expressions the quick filter looks in (LIKE)
    filters: tuple[SavedFilter, ...] = ()
    where: str = ""
    descending: bool = False
    extra: dict = field(default_factory=dict)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def filter(self, key: str) -> SavedFilter:
        for f in self.filters:
            if f.key == key:
                return f
        raise KeyError(key)


def sync_column(entity: str, id_sql: str) -> Column:
    """A column saying what the sync knows: conflict, rejected, pending or ''."""
    sql = (f"CASE WHEN EXISTS (SELECT 1 FROM sync_flags f WHERE f.entity = '{entity}' AND f.record_id = {id_sql} "
           f"AND f.kind = 'conflict') THEN 'conflict' "
           f"WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.entity = '{entity}' AND o.record_id = {id_sql} "
           f"AND o.state = 'rejected') OR EXISTS (SELECT 1 FROM sync_flags f WHERE f.entity = '{entity}' "
           f"AND f.record_id = {id_sql}) THEN 'rejected' "
           f"WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.entity = '{entity}' AND o.record_id = {id_sql} "
           f"AND o.state IN ('pending', 'sent')) THEN 'pending' ELSE '' END")
    return Column("sync", "Sync", sql, kind="sync")


def filter_params(me: str, today: dt.date | None = None) -> dict:
    """Values the saved filters may use."""
    today = today or clock.today()
    week_end = today + dt.timedelta(days=6 - today.weekday())
    return {"me": me, "today": today.isoformat(), "now": clock.now_iso(),
            "week_end": f"{week_end.isoformat()}T23:59:59Z",
            "days_90_ago": (today - dt.timedelta(days=90)).isoformat() + "T00:00:00Z"}


def _where(spec: ListSpec, filter_key: str | None, quick: str | None, conditions: dict | None) -> tuple[str, dict]:
    parts, params = [], {}
    if spec.where:
        parts.append(spec.where)
    if filter_key:
        parts.append(spec.filter(filter_key).where)
    if quick and spec.search_sql:
        params["quick"] = f"%{quick.strip()}%"
        parts.append("(" + " OR ".join(f"{e} LIKE :quick" for e in spec.search_sql) + ")")
    for i, (key, value) in enumerate((conditions or {}).items()):
        # Conditions name columns of the spec (e.g. a customer's deals: customer_id).
        parts.append(f"{spec.extra['conditions'][key]} = :cond{i}")
        params[f"cond{i}"] = value
    return (" WHERE " + " AND ".join(f"({p})" for p in parts)) if parts else "", params


def list_ids(session, spec: ListSpec, *, params: dict, filter_key: str | None = None, quick: str | None = None,
             sort: str | None = None, descending: bool | None = None, conditions: dict | None = None,
             limit: int | None = None) -> list[str]:
    """Ids of the list's records in display order (sorted in SQL, ties by id), all of
    them or the first `limit` (a top-N sort, much cheaper than ordering everything)."""
    where, extra = _where(spec, filter_key, quick, conditions)
    column = spec.column(sort or spec.default_sort)
    desc = spec.descending if descending is None else descending
    direction = "DESC" if desc else "ASC"
    nulls = "IS NULL" if not desc else "IS NOT NULL"
    sql = (f"SELECT {spec.id_sql} FROM {spec.from_sql}{where} "
           f"ORDER BY ({column.sql}) {nulls}, {column.sql} {direction}, {spec.id_sql}")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in session.execute(text(sql), {**params, **extra})]


def count(session, spec: ListSpec, *, params: dict, filter_key: str | None = None, quick: str | None = None,
          conditions: dict | None = None) -> int:
    where, extra = _where(spec, filter_key, quick, conditions)
    return session.execute(text(f"SELECT count(*) FROM {spec.from_sql}{where}"), {**params, **extra}).scalar()


def fetch_rows(session, spec: ListSpec, ids: list[str]) -> dict[str, tuple]:
    """The spec's column values (in spec order) for some ids: {id: (values...)}. Each
    money column is followed by its currency. Ids no longer present are absent."""
    if not ids:
        return {}
    exprs = []
    for c in spec.columns:
        exprs.append(c.sql)
        if c.kind == "money":
            exprs.append(c.currency_sql or "'CNY'")
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    sql = f"SELECT {spec.id_sql}, {', '.join(exprs)} FROM {spec.from_sql} WHERE {spec.id_sql} IN ({marks})"
    rows = session.execute(text(sql), {f"i{n}": v for n, v in enumerate(ids)})
    return {r[0]: tuple(r[1:]) for r in rows}


def first_page(session, spec: ListSpec, *, params: dict, size: int, **options) -> tuple[int, list[str], dict]:
    """(count, the first `size` ids in order, their rows): enough to paint a list at once."""
    ids = list_ids(session, spec, params=params, limit=size, **options)
    options.pop("sort", None)
    options.pop("descending", None)
    total = count(session, spec, params=params, **options) if len(ids) >= size else len(ids)
    return total, ids, fetch_rows(session, spec, ids)
