"""From a chart's bar to its list: the ids of the records a metric row stands for.

Every row of a metric that counts deals or invoices carries `drill`, a plain dict of
conditions (see app/reports/pipeline.py); `record_ids` turns it back into the records,
by the same rules the metric counted them with, so the list and the bar agree.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from app import clock
from app.reports import cash
from app.reports.facts import AGE_BUCKETS, AGE_LABELS, Facts
from app.reports.filters import OPEN_SQL, ReportFilter, scope


def record_ids(session, drill: dict, *, dictionary, limit: int | None = None) -> list[str]:
    """Ids of the records `drill` describes (deals or invoices), in a stable order."""
    entity = drill.get("entity")
    f = ReportFilter(rep=drill.get("rep"), team=drill.get("team"), manager=drill.get("manager"),
                     product_id=drill.get("product_id"), currency=drill.get("currency"),
                     as_of=drill.get("as_of") or drill.get("open_on"),
                     stuck_days=drill.get("stuck_days") or 30,
                     date_from=drill.get("closed_from"), date_to=drill.get("closed_to"))
    s = scope(session, f)
    if entity == "invoice":
        facts = Facts(session, s, dictionary)
        rows = cash.open_invoices(facts, s.as_of)
        if drill.get("overdue"):
            rows = [r for r in rows if _overdue_label(r, s.as_of) == drill["overdue"]]
        ids = sorted(r["id"] for r in rows)
        return ids[:limit] if limit else ids
    if entity != "deal":
        raise ValueError(f"no drill-down for {entity!r}")
    if drill.get("stuck_days"):
        facts = Facts(session, s, dictionary)
        ids = [r[0] for r in sorted(facts.stuck, key=lambda r: (r[3], r[0]))
               if not drill.get("owner_id") or r[1] == drill["owner_id"]]
        return ids[:limit] if limit else ids
    where = [s.deals("d")]
    params = dict(s.params)
    if drill.get("stage"):
        where.append("d.stage = :stage")
        params["stage"] = drill["stage"]
    if drill.get("open"):
        where.append(f"d.stage IN {OPEN_SQL}")
    if drill.get("closed"):
        where.append("d.stage IN ('won', 'lost')")
    if drill.get("closed_from") or drill.get("closed_to"):
        where.append("1 = 1" + s.period("d.closed_on"))
    if drill.get("closed_month"):
        where.append("substr(d.closed_on, 1, 7) = :closed_month")
        params["closed_month"] = drill["closed_month"]
    if "expected_month" in drill:
        where.append("substr(d.expected_close, 1, 7) = :expected_month" if drill["expected_month"]
                     else "d.expected_close IS NULL")
        params["expected_month"] = drill["expected_month"]
    if drill.get("owner_id"):
        where.append("d.owner_id = :owner_id")
        params["owner_id"] = drill["owner_id"]
    if drill.get("age_days"):
        where.append(_age_condition(drill["age_days"], s.as_of))
    sql = f"SELECT d.id FROM deals d WHERE {' AND '.join(where)} ORDER BY d.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return list(session.execute(text(sql), params).scalars())


def _age_condition(label: str, as_of: str) -> str:
    i = AGE_LABELS.index(label)
    day = clock.parse_date(as_of)
    since = "substr(coalesce(d.stage_changed_at, d.created_at), 1, 10)"
    parts = []
    if i < len(AGE_BUCKETS):
        parts.append(f"{since} >= '{(day - dt.timedelta(days=AGE_BUCKETS[i])).isoformat()}'")
    if i > 0:
        parts.append(f"{since} < '{(day - dt.timedelta(days=AGE_BUCKETS[i - 1])).isoformat()}'")
    return " AND ".join(parts)


def _overdue_label(invoice: dict, as_of: str) -> str | None:
    if not invoice["due_on"]:
        return None
    late = (clock.parse_date(as_of) - clock.parse_date(invoice["due_on"])).days
    return next(lbl for limit, lbl in cash.AR_BUCKETS if limit is None or late <= limit)
