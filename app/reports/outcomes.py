"""Outcome metrics: win rate, sales cycle length, lead conversion."""
from __future__ import annotations

from sqlalchemy import text

from app.reports.facts import HISTORY_STAGES, Facts
from app.reports.pipeline import _drill_filter

WIN_RATE = ("Win rate",
            "Of the deals closed (won or lost) with a close date in the period: won / closed by count, and "
            "won amount / closed amount by value; overall and by month, rep, team and product.")
CYCLE = ("Sales cycle length",
         "Deals won in the period: days from the deal's first stage event (when it was opened) to its close "
         "date, on average; and the average days those deals spent in each stage they passed through.")
LEADS = ("Lead conversion rate",
         "Leads created in the period: converted / all, and converted / decided (converted or "
         "disqualified); overall and by lead source.")


def _rate(won: int, total: int) -> float | None:
    return round(won / total, 4) if total else None


def _group() -> dict:
    return {"won": 0, "lost": 0, "won_minor": 0, "lost_minor": 0}


def _finish(name: str, value, g: dict) -> dict:
    closed, closed_minor = g["won"] + g["lost"], g["won_minor"] + g["lost_minor"]
    return {name: value, "won": g["won"], "lost": g["lost"], "won_minor": g["won_minor"],
            "lost_minor": g["lost_minor"], "win_rate_count": _rate(g["won"], closed),
            "win_rate_value": _rate(g["won_minor"], closed_minor)}


def win_rate(facts: Facts) -> dict:
    s = facts.scope
    overall = _group()
    dims = {"month": {}, "rep": {}, "team": {}, "product": {}}
    for r in facts.closed_rows:
        keys = {"month": r.month, "rep": r.owner_id, "team": facts.team_of(r.owner_id), "product": r.product_id}
        for g in [overall] + [dims[d].setdefault(k, _group()) for d, k in keys.items()]:
            g[r.stage] += r.count
            g[f"{r.stage}_minor"] += r.amount
    by = {
        "month": [_finish("month", m, g) for m, g in sorted(dims["month"].items())],
        "rep": sorted((_finish("rep", facts.user_name(k), g) | {"user_id": k} for k, g in dims["rep"].items()),
                      key=lambda r: r["rep"]),
        "team": [_finish("team", k, g) for k, g in sorted(dims["team"].items())],
        "product": sorted((_finish("product", facts.products.get(k, "(no product)") if k else "(no product)", g)
                           | {"product_id": k} for k, g in dims["product"].items()), key=lambda r: r["product"]),
    }
    for row in by["month"]:
        # The people and product filters go with the bar, so its list holds what it counted.
        row["drill"] = {"entity": "deal", "closed": True, "closed_month": row["month"], "closed_from": s.date_from,
                        "closed_to": s.date_to, **_drill_filter(s)}
    total = _finish("period", {"from": s.date_from, "to": s.date_to}, overall)
    return {"key": "win_rate", "title": WIN_RATE[0], "definition": WIN_RATE[1], "currency": s.currency,
            **{k: v for k, v in total.items() if k != "period"},
            "by": by, "columns": ["month", "won", "lost", "won_minor", "lost_minor", "win_rate_count",
                                  "win_rate_value"], "rows": by["month"]}


def sales_cycle(facts: Facts) -> dict:
    row = facts.won_history
    deals, cycle_days = row[0], row[1]
    per_stage = []
    for i, st in enumerate(HISTORY_STAGES):
        exits, days = row[2 + 2 * i: 4 + 2 * i]
        if exits:
            per_stage.append({"stage": st, "deals": exits, "average_days": round(days / exits, 1)})
    return {"key": "sales_cycle", "title": CYCLE[0], "definition": CYCLE[1], "won_deals": deals,
            "average_days": round(cycle_days / deals, 1) if deals else None,
            "columns": ["stage", "deals", "average_days"], "rows": per_stage}


def lead_conversion(facts: Facts) -> dict:
    s = facts.scope
    sources: dict[str, dict] = {}
    for source, status, n in facts.session.execute(text(
            f"SELECT l.source, l.status, count(*) FROM leads l WHERE l.deleted_at IS NULL{s.owner('l.owner_id')}"
            f"{s.period('l.created_at')} GROUP BY 1, 2"), s.params):
        g = sources.setdefault(source or "(none)", {"source": source or "(none)", "leads": 0, "converted": 0,
                                                    "disqualified": 0, "open": 0})
        g["leads"] += n
        key = status if status in ("converted", "disqualified") else "open"
        g[key] += n
    rows = sorted(sources.values(), key=lambda g: (-g["leads"], g["source"]))
    for g in rows:
        g.update(_lead_rates(g))
    total = {k: sum(g[k] for g in rows) for k in ("leads", "converted", "disqualified", "open")}
    total.update(_lead_rates(total))
    return {"key": "lead_conversion", "title": LEADS[0], "definition": LEADS[1], **total,
            "columns": ["source", "leads", "converted", "disqualified", "open", "conversion_rate",
                        "decided_conversion_rate"], "rows": rows}


def _lead_rates(g: dict) -> dict:
    return {"conversion_rate": _rate(g["converted"], g["leads"]),
            "decided_conversion_rate": _rate(g["converted"], g["converted"] + g["disqualified"])}
