"""Pipeline metrics: the funnel, the weighted forecast, stage aging, stuck deals and
coverage of quota. Each returns plain data: a title, its definition, the figures, and
`rows` (with the `columns` they have) for the chart and its CSV/XLSX export; a row that
stands for deals carries `drill`, the filter of the deal list it opens."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import text

from app import clock
from app.reports.facts import AGE_LABELS, Facts
from app.rules.states import CLOSED_STAGES, OPEN_STAGES

FUNNEL = ("Pipeline funnel",
          "Open deals by their current stage (a snapshot as of today: the period does not apply), then the "
          "deals won and lost with a close date in the period; count and amount.")
FORECAST = ("Weighted forecast by month",
            "Open deals by the month of their expected close, each counted at its amount times its "
            "probability (the stage's default probability when the deal has none). Deals without an "
            "expected close are shown apart. With a period, only months in the period.")
AGING = ("Stage aging",
         "Open deals by how long they have been in their current stage, as of the end of the period "
         "(or today): 0-7, 8-30, 31-60, 61-90 and over 90 days.")
STUCK = ("Stuck deals",
         "Open deals whose stage has not changed for N days (30 unless chosen) and that have no activity "
         "done, or scheduled, in those N days; as of the end of the period (or today).")
COVERAGE = ("Pipeline coverage",
            "Per rep, for the period's months (the current quarter without a period): quota, won (deals "
            "closed won in those months), open pipeline (open deals expected to close in those months), and "
            "coverage = open pipeline / (quota - won). Attainment = won / quota. Quotas are set per rep "
            "per month by managers.")


def _metric(key, spec, scope, **data) -> dict:
    title, definition = spec
    return {"key": key, "title": title, "definition": definition, "currency": scope.currency, **data}


def pipeline_funnel(facts: Facts) -> dict:
    s = facts.scope
    stages = {st: {"stage": st, "count": 0, "amount_minor": 0} for st in OPEN_STAGES + CLOSED_STAGES}
    for r in facts.open_rows:
        stages[r.stage]["count"] += r.count
        stages[r.stage]["amount_minor"] += r.amount
    for r in facts.closed_rows:
        stages[r.stage]["count"] += r.count
        stages[r.stage]["amount_minor"] += r.amount
    rows = []
    for st, row in stages.items():
        drill = {"entity": "deal", "stage": st, **_drill_filter(s)}
        if st in CLOSED_STAGES:
            drill.update(closed_from=s.date_from, closed_to=s.date_to)
        rows.append({**row, "drill": drill})
    open_count = sum(stages[st]["count"] for st in OPEN_STAGES)
    open_amount = sum(stages[st]["amount_minor"] for st in OPEN_STAGES)
    return _metric("pipeline_funnel", FUNNEL, s, open_count=open_count, open_amount_minor=open_amount,
                   columns=["stage", "count", "amount_minor"], rows=rows)


def weighted_forecast(facts: Facts) -> dict:
    s = facts.scope
    months: dict[str | None, dict] = {}
    for r in facts.open_rows:
        if r.month is not None and not _month_in_period(r.month, s):
            continue
        m = months.setdefault(r.month, {"month": r.month, "count": 0, "amount_minor": 0, "weighted_minor": 0.0})
        m["count"] += r.count
        m["amount_minor"] += r.amount
        m["weighted_minor"] += r.weighted
    undated = months.pop(None, {"count": 0, "amount_minor": 0, "weighted_minor": 0.0})
    rows = []
    for month in sorted(months):
        m = months[month]
        m["weighted_minor"] = round(m["weighted_minor"])
        rows.append({**m, "drill": {"entity": "deal", "open": True, "expected_month": month, **_drill_filter(s)}})
    return _metric("weighted_forecast", FORECAST, s, columns=["month", "count", "amount_minor", "weighted_minor"],
                   rows=rows, total_weighted_minor=sum(r["weighted_minor"] for r in rows),
                   undated={"count": undated["count"], "amount_minor": undated["amount_minor"],
                            "weighted_minor": round(undated["weighted_minor"])})


def stage_aging(facts: Facts) -> dict:
    s = facts.scope
    grid = {(st, b): 0 for st in OPEN_STAGES for b in range(len(AGE_LABELS))}
    amounts = dict.fromkeys(grid, 0)
    for r in facts.open_rows:
        grid[(r.stage, r.bucket)] += r.count
        amounts[(r.stage, r.bucket)] += r.amount
    rows = [{"stage": st, "age_days": AGE_LABELS[b], "count": grid[(st, b)], "amount_minor": amounts[(st, b)],
             "drill": {"entity": "deal", "stage": st, "age_days": AGE_LABELS[b], "as_of": s.as_of,
                       **_drill_filter(s)}}
            for st in OPEN_STAGES for b in range(len(AGE_LABELS))]
    return _metric("stage_aging", AGING, s, as_of=s.as_of, columns=["stage", "age_days", "count", "amount_minor"],
                   rows=rows)


def stuck_deals(facts: Facts, *, limit: int = 20) -> dict:
    s = facts.scope
    days = s.filter.stuck_days
    by_owner: dict = {}
    for _, owner, amount, _since in facts.stuck:
        row = by_owner.setdefault(owner, {"owner": facts.user_name(owner), "owner_id": owner, "count": 0,
                                          "amount_minor": 0})
        row["count"] += 1
        row["amount_minor"] += amount or 0
    oldest_ids = [r[0] for r in sorted(facts.stuck, key=lambda r: (r[3], r[0]))[:limit]]
    oldest = []
    if oldest_ids:
        found = {r["id"]: dict(r) for r in facts.session.execute(text(
            "SELECT d.id, d.name, d.stage, d.amount_minor, d.owner_id, "
            "substr(coalesce(d.stage_changed_at, d.created_at), 1, 10) AS in_stage_since FROM deals d "
            "WHERE d.id IN (SELECT value FROM json_each(:ids))"), {"ids": json.dumps(oldest_ids)}).mappings()}
        for rid in oldest_ids:
            deal = found[rid]
            deal["days_in_stage"] = (clock.parse_date(s.as_of) - clock.parse_date(deal["in_stage_since"])).days
            deal["owner"] = facts.user_name(deal["owner_id"])
            oldest.append(deal)
    rows = sorted(by_owner.values(), key=lambda r: (-r["count"], r["owner"]))
    for r in rows:
        r["drill"] = {"entity": "deal", "stuck_days": days, "as_of": s.as_of, **_drill_filter(s),
                      "owner_id": r["owner_id"]}
    return _metric("stuck_deals", STUCK, s, days=days, as_of=s.as_of, count=len(facts.stuck),
                   amount_minor=sum(r["amount_minor"] for r in rows), oldest=oldest,
                   columns=["owner", "count", "amount_minor"], rows=rows)


def pipeline_coverage(facts: Facts) -> dict:
    s = facts.scope
    first, last = coverage_months(s)
    quotas: dict[str, int] = {}
    for user_id, amount in facts.session.execute(text(
            "SELECT q.user_id, sum(q.amount_minor) FROM quotas q WHERE q.deleted_at IS NULL "
            f"AND q.period >= :first AND q.period <= :last AND q.currency = :currency{s.owner('q.user_id')} "
            "GROUP BY q.user_id"), {**s.params, "first": first, "last": last}):
        quotas[user_id] = amount
    people: dict = {}

    def person(user_id):
        return people.setdefault(user_id, {"rep": facts.user_name(user_id), "user_id": user_id,
                                           "quota_minor": quotas.get(user_id, 0), "won_minor": 0,
                                           "open_minor": 0, "weighted_minor": 0.0})
    for user_id in quotas:
        person(user_id)
    for r in facts.closed_rows:
        if r.stage == "won" and first <= r.month <= last:
            person(r.owner_id)["won_minor"] += r.amount
    for r in facts.open_rows:
        if r.month is not None and first <= r.month <= last:
            p = person(r.owner_id)
            p["open_minor"] += r.amount
            p["weighted_minor"] += r.weighted
    rows = sorted(people.values(), key=lambda p: p["rep"])
    for p in rows:
        p["weighted_minor"] = round(p["weighted_minor"])
        p.update(_coverage(p["quota_minor"], p["won_minor"], p["open_minor"]))
    totals = {k: sum(p[k] for p in rows) for k in ("quota_minor", "won_minor", "open_minor", "weighted_minor")}
    totals.update(_coverage(totals["quota_minor"], totals["won_minor"], totals["open_minor"]))
    return _metric("pipeline_coverage", COVERAGE, s, months={"from": first, "to": last}, total=totals,
                   columns=["rep", "quota_minor", "won_minor", "open_minor", "weighted_minor", "coverage",
                            "attainment"], rows=rows)


def coverage_months(s) -> tuple[str, str]:
    """The months coverage is measured over: the period's, else the as-of date's quarter."""
    if s.date_from or s.date_to:
        first = (s.date_from or s.date_to)[:7]
        return first, (s.date_to or s.as_of)[:7]
    day = clock.parse_date(s.as_of)
    q = (day.month - 1) // 3 * 3 + 1
    start = dt.date(day.year, q, 1)
    return start.isoformat()[:7], dt.date(day.year, q + 2, 1).isoformat()[:7]


def _coverage(quota: int, won: int, open_amount: int) -> dict:
    gap = quota - won
    return {"coverage": round(open_amount / gap, 2) if gap > 0 else None,
            "attainment": round(won / quota, 4) if quota else None}


def _month_in_period(month: str, s) -> bool:
    return (not s.date_from or month >= s.date_from[:7]) and (not s.date_to or month <= s.date_to[:7])


def _drill_filter(s) -> dict:
    f = s.filter
    out = {"currency": s.currency}
    for key in ("rep", "team", "manager", "product_id"):
        value = getattr(f, key)
        if value:
            out[key] = value
    return out
