"""The standard LTC metrics, by key: what the dashboard draws and `report kpis` prints.

    report = compute_store(store, ReportFilter(date_from="2017-01-01"))     # or compute(session, ...)

`compute` returns plain data: the filter as resolved (period, as-of date, currency) and,
per metric, its title, its definition (shown on hover), its figures and its `rows`. The
same call behind both screens is what makes the dashboard and the command agree.
"""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.exports.tables import write_table
from app.reports import cash, outcomes, pipeline
from app.reports.facts import Facts
from app.reports.filters import FOCUS, ReportFilter, default_filter, scope
from app.rules.standards import currency_exponent

METRICS = {
    "pipeline_funnel": pipeline.pipeline_funnel,
    "weighted_forecast": pipeline.weighted_forecast,
    "win_rate": outcomes.win_rate,
    "sales_cycle": outcomes.sales_cycle,
    "stage_aging": pipeline.stage_aging,
    "stuck_deals": pipeline.stuck_deals,
    "lead_conversion": outcomes.lead_conversion,
    "pipeline_coverage": pipeline.pipeline_coverage,
    "quote_to_cash": cash.quote_to_cash,
    "dso": cash.dso,
    "receivables_aging": cash.receivables_aging,
}
DEFINITIONS = {
    "pipeline_funnel": pipeline.FUNNEL, "weighted_forecast": pipeline.FORECAST, "win_rate": outcomes.WIN_RATE,
    "sales_cycle": outcomes.CYCLE, "stage_aging": pipeline.AGING, "stuck_deals": pipeline.STUCK,
    "lead_conversion": outcomes.LEADS, "pipeline_coverage": pipeline.COVERAGE, "quote_to_cash": cash.Q2C,
    "dso": cash.DSO, "receivables_aging": cash.AR_AGING,
}


def definitions() -> dict[str, dict]:
    """Every metric's title and definition, for tooltips and help."""
    return {key: {"title": title, "definition": text} for key, (title, text) in DEFINITIONS.items()}


def compute(session, f: ReportFilter | None = None, *, dictionary, metrics=None, today=None,
            facts: Facts | None = None) -> dict:
    """The metrics named in `metrics` (default: all) for filter `f`, in one session.
    Raises ValueError for an unknown metric or a malformed date in the filter."""
    f = f or ReportFilter()
    wanted = list(metrics or METRICS)
    unknown = [m for m in wanted if m not in METRICS]
    if unknown:
        raise ValueError(f"unknown metric(s) {', '.join(unknown)}; known: {', '.join(METRICS)}")
    started = time.perf_counter()
    s = facts.scope if facts is not None else scope(session, f, today=today)
    facts = facts or Facts(session, s, dictionary)
    out = {}
    for key in wanted:
        out[key] = METRICS[key](facts)
    return {"filter": f.as_dict(), "period": {"from": s.date_from, "to": s.date_to}, "as_of": s.as_of,
            "currency": s.currency, "metrics": out, "elapsed_ms": round((time.perf_counter() - started) * 1000, 1)}


# The shared aggregates each metric reads (app/reports/facts.py), by metric.
NEEDS = {
    "pipeline_funnel": ("open_rows", "closed_rows"), "weighted_forecast": ("open_rows",),
    "win_rate": ("closed_rows",), "sales_cycle": ("won_history",), "stage_aging": ("open_rows",),
    "stuck_deals": ("stuck",), "pipeline_coverage": ("open_rows", "closed_rows"),
}
# Slowest first, so two workers finish together (measured on 600,000 rows).
COST_ORDER = ("won_history", "open_rows", "stuck", "closed_rows")


def compute_store(store, f: ReportFilter | None = None, *, metrics=None, workers: int = 2, today=None) -> dict:
    """`compute` on a store, with the heavy aggregates run side by side on their own read
    connections: SQLite in WAL mode serves readers in parallel and releases the GIL while
    it works, so on two cores a dashboard takes about half the time."""
    f = f or ReportFilter()
    wanted = list(metrics or METRICS)
    started = time.perf_counter()
    dictionary = store.dictionary()
    with store.read() as session:
        s = scope(session, f, today=today)
        needed = [n for n in COST_ORDER if any(n in NEEDS.get(m, ()) for m in wanted)]

        def load(name: str):
            with store.read() as own:
                return name, getattr(Facts(own, s, dictionary), name)

        facts = Facts(session, s, dictionary)
        if workers > 1 and len(needed) > 1:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kpi") as pool:
                for name, value in pool.map(load, needed):
                    facts.__dict__[name] = value  # fills the cached_property
        report = compute(session, f, dictionary=dictionary, metrics=wanted, today=today, facts=facts)
    report["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return report


def for_role(store, actor=None, *, today=None, **overrides) -> dict:
    """The dashboard as a role first sees it: its default filter, its metrics in order."""
    actor = actor or store.actor()
    with store.read() as session:
        f = default_filter(session, actor, **overrides)
    report = compute_store(store, f, today=today)
    report["focus"] = list(FOCUS.get(actor.role, FOCUS["admin"]))
    return report


def table(metric: dict) -> tuple[list[str], list[list]]:
    """A metric's rows as a header and cells for a spreadsheet: amounts in minor units
    become decimal amounts in the metric's currency ("amount (USD)")."""
    currency = metric.get("currency")
    exponent = currency_exponent(currency) if currency else 2
    header, cells = [], []
    for column in metric["columns"]:
        if column.endswith("_minor") and currency:
            header.append(f"{column[:-6]} ({currency})")
        else:
            header.append(column)
    for row in metric["rows"]:
        line = []
        for column in metric["columns"]:
            value = row.get(column)
            if column.endswith("_minor") and currency and value is not None:
                value = round(value / 10 ** exponent, exponent)
            line.append(value)
        cells.append(line)
    return header, cells


def export(metric: dict, path: Path | str) -> int:
    """Write a metric's data to CSV or XLSX (by the extension); returns the row count."""
    header, cells = table(metric)
    return write_table(path, header, cells, sheet=metric["title"]) if str(path).lower().endswith(".xlsx") \
        else write_table(path, header, cells)
