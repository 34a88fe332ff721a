"""A metric as a chart: categories, series of values (each bar with the list it opens),
the headline and the table beside it, from the report engine's plain data.

No widgets here: the card (ui/reports/chart_card.py) draws a ChartData, and the tests
compare it with what app.reports computes. Amounts become decimal numbers in the
report's currency; rates become percentages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.reports.facts import AGE_LABELS
from app.rules.standards import currency_exponent
from app.rules.states import OPEN_STAGES
from ui import formatting
from ui.reports import metric_text
from ui.reports.metric_text import translated, word

translate = QCoreApplication.translate

# The ways a metric can be looked at (the card's selector), the first one by default.
MEASURES = {
    "pipeline_funnel": (("amount", QT_TRANSLATE_NOOP("Metrics", "Amount")),
                        ("count", QT_TRANSLATE_NOOP("Metrics", "Deals"))),
    "weighted_forecast": (("amount", QT_TRANSLATE_NOOP("Metrics", "Amount")),
                          ("count", QT_TRANSLATE_NOOP("Metrics", "Deals"))),
    "win_rate": (("month", QT_TRANSLATE_NOOP("Metrics", "By month")), ("rep", QT_TRANSLATE_NOOP("Metrics", "By rep")),
                 ("team", QT_TRANSLATE_NOOP("Metrics", "By team")),
                 ("product", QT_TRANSLATE_NOOP("Metrics", "By product"))),
    "stage_aging": (("count", QT_TRANSLATE_NOOP("Metrics", "Deals")),
                    ("amount", QT_TRANSLATE_NOOP("Metrics", "Amount"))),
    "stuck_deals": (("count", QT_TRANSLATE_NOOP("Metrics", "Deals")),
                    ("amount", QT_TRANSLATE_NOOP("Metrics", "Amount"))),
    "lead_conversion": (("count", QT_TRANSLATE_NOOP("Metrics", "Leads")),
                        ("rate", QT_TRANSLATE_NOOP("Metrics", "Rates"))),
    "receivables_aging": (("amount", QT_TRANSLATE_NOOP("Metrics", "Amount")),
                          ("count", QT_TRANSLATE_NOOP("Metrics", "Invoices"))),
}
# The engine's column names as the card's table shows them.
COLUMNS = {
    "stage": QT_TRANSLATE_NOOP("Metrics", "Stage"), "count": QT_TRANSLATE_NOOP("Metrics", "Count"),
    "amount_minor": QT_TRANSLATE_NOOP("Metrics", "Amount"), "month": QT_TRANSLATE_NOOP("Metrics", "Month"),
    "weighted_minor": QT_TRANSLATE_NOOP("Metrics", "Weighted"), "won": QT_TRANSLATE_NOOP("Metrics", "Won"),
    "lost": QT_TRANSLATE_NOOP("Metrics", "Lost"), "won_minor": QT_TRANSLATE_NOOP("Metrics", "Won amount"),
    "lost_minor": QT_TRANSLATE_NOOP("Metrics", "Lost amount"),
    "win_rate_count": QT_TRANSLATE_NOOP("Metrics", "Win rate (count)"),
    "win_rate_value": QT_TRANSLATE_NOOP("Metrics", "Win rate (value)"), "deals": QT_TRANSLATE_NOOP("Metrics", "Deals"),
    "average_days": QT_TRANSLATE_NOOP("Metrics", "Average days"), "age_days": QT_TRANSLATE_NOOP("Metrics", "Days in stage"),
    "owner": QT_TRANSLATE_NOOP("Metrics", "Owner"), "source": QT_TRANSLATE_NOOP("Metrics", "Source"),
    "leads": QT_TRANSLATE_NOOP("Metrics", "Leads"), "converted": QT_TRANSLATE_NOOP("Metrics", "Converted"),
    "disqualified": QT_TRANSLATE_NOOP("Metrics", "Disqualified"), "open": QT_TRANSLATE_NOOP("Metrics", "Open"),
    "conversion_rate": QT_TRANSLATE_NOOP("Metrics", "Converted / all"),
    "decided_conversion_rate": QT_TRANSLATE_NOOP("Metrics", "Converted / decided"),
    "rep": QT_TRANSLATE_NOOP("Metrics", "Rep"), "team": QT_TRANSLATE_NOOP("Metrics", "Team"),
    "product": QT_TRANSLATE_NOOP("Metrics", "Product"), "quota_minor": QT_TRANSLATE_NOOP("Metrics", "Quota"),
    "open_minor": QT_TRANSLATE_NOOP("Metrics", "Open pipeline"), "coverage": QT_TRANSLATE_NOOP("Metrics", "Coverage"),
    "attainment": QT_TRANSLATE_NOOP("Metrics", "Attainment"), "leg": QT_TRANSLATE_NOOP("Metrics", "Leg"),
    "from": QT_TRANSLATE_NOOP("Metrics", "From"), "to": QT_TRANSLATE_NOOP("Metrics", "To"),
    "days": QT_TRANSLATE_NOOP("Metrics", "Days"), "sales_minor": QT_TRANSLATE_NOOP("Metrics", "Invoiced sales"),
    "receivables_minor": QT_TRANSLATE_NOOP("Metrics", "Receivables"), "dso_days": QT_TRANSLATE_NOOP("Metrics", "DSO"),
    "bucket": QT_TRANSLATE_NOOP("Metrics", "Days past due"),
}
RATES = {"win_rate_count", "win_rate_value", "conversion_rate", "decided_conversion_rate", "attainment"}
TEXT_COLUMNS = {"stage", "month", "age_days", "owner", "source", "rep", "team", "product", "leg", "bucket"}


@dataclass
class Series:
    name: str
    values: list[float]
    drills: list[dict | None] = field(default_factory=list)


@dataclass
class ChartData:
    """What a card draws: `kind` bar | hbar | stacked, one value per category in each
    series, the `unit` of the value axis (money, count, percent, days)."""

    kind: str
    categories: list[str]
    series: list[Series]
    unit: str
    currency: str | None
    headline: str
    columns: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    latest: bool = False   # a history: when not all categories fit, the card shows the last ones

    def drill(self, series: int, index: int) -> dict | None:
        s = self.series[series]
        return s.drills[index] if 0 <= index < len(s.drills) else None


def measures(key: str) -> tuple:
    return MEASURES.get(key, ())


@lru_cache(maxsize=32)
def exponent(currency: str | None) -> int:
    """The currency's decimal places (2 for a code the standard does not know)."""
    return currency_exponent(currency or "CNY")


def major(minor, currency: str | None) -> float:
    """Minor units as a number in the currency's main unit (12345 CNY -> 123.45)."""
    if minor is None:
        return 0.0
    exp = exponent(currency)
    return minor / 10 ** exp if exp else float(minor)


def percent(rate) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def chart(metric: dict, report: dict, measure: str | None = None) -> ChartData:
    """The chart of one metric of `report` (app.reports.compute's result) for `measure`."""
    key = metric["key"]
    measure = measure or (measures(key)[0][0] if measures(key) else None)
    build = BUILDERS[key]
    data = build(metric, report, measure)
    if not data.columns:
        data.columns, data.rows = list(metric["columns"]), list(metric["rows"])
    return data


def _money(metric, report) -> str:
    return metric.get("currency") or report.get("currency") or "CNY"


def _funnel(m, report, measure):
    currency = _money(m, report)
    values = [float(r["count"]) if measure == "count" else major(r["amount_minor"], currency) for r in m["rows"]]
    name = translate("Metrics", "Deals") if measure == "count" else translate("Metrics", "Amount")
    headline = translate("Metrics", "Open: %1 deals, %2").replace("%1", f"{m['open_count']:,}").replace(
        "%2", formatting.money(m["open_amount_minor"], currency))
    return ChartData("hbar", [word(r["stage"]) for r in m["rows"]],
                     [Series(name, values, [r.get("drill") for r in m["rows"]])],
                     "count" if measure == "count" else "money", currency, headline)


def _forecast(m, report, measure):
    currency = _money(m, report)
    rows = m["rows"]
    drills = [r.get("drill") for r in rows]
    if measure == "count":
        series = [Series(translate("Metrics", "Deals"), [float(r["count"]) for r in rows], drills)]
    else:
        series = [Series(translate("Metrics", "Amount"), [major(r["amount_minor"], currency) for r in rows], drills),
                  Series(translate("Metrics", "Weighted"), [major(r["weighted_minor"], currency) for r in rows], drills)]
    undated = m["undated"]
    headline = translate("Metrics", "Weighted: %1").replace("%1", formatting.money(m["total_weighted_minor"], currency))
    if undated["count"]:
        headline += " · " + translate("Metrics", "without an expected close: %1 deals, %2").replace(
            "%1", f"{undated['count']:,}").replace("%2", formatting.money(undated["amount_minor"], currency))
    return ChartData("bar", [r["month"] for r in rows], series, "count" if measure == "count" else "money",
                     currency, headline)


def _win_rate(m, report, measure):
    currency = _money(m, report)
    dim = measure or "month"
    rows = m["by"][dim]
    drills = [r.get("drill") or _win_drill(dim, r, report) for r in rows]
    series = [Series(translate("Metrics", "By count"), [(r["win_rate_count"] or 0) * 100 for r in rows], drills),
              Series(translate("Metrics", "By value"), [(r["win_rate_value"] or 0) * 100 for r in rows], drills)]
    closed = m["won"] + m["lost"]
    headline = translate("Metrics", "%1 by count, %2 by value (%3 won of %4 closed)").replace("%1", percent(m["win_rate_count"])) \
        .replace("%2", percent(m["win_rate_value"])).replace("%3", f"{m['won']:,}").replace("%4", f"{closed:,}")
    data = ChartData("bar", [word(str(r[dim])) for r in rows], series, "percent", currency, headline,
                     latest=dim == "month")
    data.columns = [dim, "won", "lost", "won_minor", "lost_minor", "win_rate_count", "win_rate_value"]
    data.rows = rows
    return data


def _win_drill(dim: str, row: dict, report: dict) -> dict | None:
    """The closed deals behind a rep's or a product's bar (by the rules the engine counted with)."""
    if dim == "rep" and row.get("user_id"):
        extra = {"owner_id": row["user_id"]}
    elif dim == "product" and row.get("product_id"):
        extra = {"product_id": row["product_id"]}
    else:
        return None
    f = report.get("filter") or {}
    period = report.get("period") or {}
    people = {k: f[k] for k in ("rep", "team", "manager", "product_id") if f.get(k)}
    return {"entity": "deal", "closed": True, "closed_from": period.get("from"), "closed_to": period.get("to"),
            "currency": report.get("currency"), **people, **extra}


def _cycle(m, report, measure):
    rows = m["rows"]
    if m["won_deals"]:
        headline = translate("Metrics", "%1 days on average from opening to winning, over %2 won deals").replace(
            "%1", f"{m['average_days']:,}").replace("%2", f"{m['won_deals']:,}")
    else:
        headline = translate("Metrics", "No deal was won in the period")
    return ChartData("bar", [word(r["stage"]) for r in rows],
                     [Series(translate("Metrics", "Average days in stage"), [float(r["average_days"]) for r in rows], [None] * len(rows))],
                     "days", None, headline)


def _aging(m, report, measure):
    currency = _money(m, report)
    cells = {(r["stage"], r["age_days"]): r for r in m["rows"]}
    series = []
    for label in AGE_LABELS:
        row_cells = [cells.get((st, label)) for st in OPEN_STAGES]
        values = [0.0 if c is None else float(c["count"]) if measure == "count" else major(c["amount_minor"], currency)
                  for c in row_cells]
        series.append(Series(translate("Metrics", "%1 days").replace("%1", label), values, [c and c.get("drill") for c in row_cells]))
    total = sum(r["count"] for r in m["rows"])
    headline = translate("Metrics", "%1 open deals, as of %2").replace("%1", f"{total:,}").replace("%2", formatting.date(m["as_of"]))
    return ChartData("stacked", [word(st) for st in OPEN_STAGES], series,
                     "count" if measure == "count" else "money", currency, headline)


def _stuck(m, report, measure):
    currency = _money(m, report)
    rows = m["rows"]
    values = [float(r["count"]) if measure == "count" else major(r["amount_minor"], currency) for r in rows]
    headline = translate("Metrics", "%1 deals stuck for %2 days or more, %3").replace("%1", f"{m['count']:,}").replace(
        "%2", str(m["days"])).replace("%3", formatting.money(m["amount_minor"], currency))
    return ChartData("hbar", [word(r["owner"]) for r in rows],
                     [Series(translate("Metrics", "Deals") if measure == "count" else translate("Metrics", "Amount"), values,
                             [r.get("drill") for r in rows])],
                     "count" if measure == "count" else "money", currency, headline)


def _leads(m, report, measure):
    rows = m["rows"]
    none = [None] * len(rows)
    if measure == "rate":
        series = [Series(translate("Metrics", "Converted / all"), [(r["conversion_rate"] or 0) * 100 for r in rows], none),
                  Series(translate("Metrics", "Converted / decided"), [(r["decided_conversion_rate"] or 0) * 100 for r in rows], none)]
        kind, unit = "bar", "percent"
    else:
        series = [Series(translated(name), [float(r[key]) for r in rows], none) for key, name in (
            ("converted", "Converted"), ("disqualified", "Disqualified"), ("open", "Open"))]
        kind, unit = "stacked", "count"
    headline = translate("Metrics", "%1 of %2 leads converted (%3 of those decided)").replace(
        "%1", percent(m["conversion_rate"])).replace("%2", f"{m['leads']:,}").replace(
        "%3", percent(m["decided_conversion_rate"]))
    return ChartData(kind, [word(r["source"]) for r in rows], series, unit, None, headline)


def _coverage(m, report, measure):
    currency = _money(m, report)
    rows = m["rows"]
    none = [None] * len(rows)
    series = [Series(translated(name), [major(r[key], currency) for r in rows], none) for key, name in (
        ("quota_minor", "Quota"), ("won_minor", "Won"), ("open_minor", "Open pipeline"))]
    t = m["total"]
    coverage = "—" if t["coverage"] is None else f"{t['coverage']:.2f}×"
    headline = translate("Metrics", "Coverage %1, attainment %2 (%3 to %4)").replace("%1", coverage).replace(
        "%2", percent(t["attainment"])).replace("%3", m["months"]["from"]).replace("%4", m["months"]["to"])
    return ChartData("bar", [word(r["rep"]) for r in rows], series, "money", currency, headline)


def _q2c(m, report, measure):
    rows = m["rows"]
    total = next((r for r in rows if r["leg"] == "quote_to_cash"), None)
    if total and total["average_days"] is not None:
        headline = translate("Metrics", "Quote to cash: %1 days on average (%2 orders)").replace(
            "%1", f"{total['average_days']:,}").replace("%2", f"{total['count']:,}")
    else:
        headline = translate("Metrics", "No order went from quote to cash in the period")
    return ChartData("hbar", [word(r["leg"]) for r in rows],
                     [Series(translate("Metrics", "Average days"), [float(r["average_days"] or 0) for r in rows], [None] * len(rows))],
                     "days", None, headline)


def _dso(m, report, measure):
    currency = _money(m, report)
    value = "—" if m["dso_days"] is None else f"{m['dso_days']:,}"
    headline = translate("Metrics", "DSO %1 days (%2 to %3)").replace("%1", value).replace(
        "%2", formatting.date(m["period"]["from"])).replace("%3", formatting.date(m["period"]["to"]))
    return ChartData("hbar", [translate("Metrics", "Invoiced sales"), translate("Metrics", "Receivables")],
                     [Series(translate("Metrics", "Amount"), [major(m["sales_minor"], currency), major(m["receivables_minor"], currency)],
                             [None, None])], "money", currency, headline)


def _receivables(m, report, measure):
    currency = _money(m, report)
    rows = m["rows"]
    values = [float(r["count"]) if measure == "count" else major(r["amount_minor"], currency) for r in rows]
    headline = translate("Metrics", "Open: %1, as of %2").replace("%1", formatting.money(m["total_minor"], currency)).replace(
        "%2", formatting.date(m["as_of"]))
    if m["no_due_date"]["count"]:
        headline += " · " + translate("Metrics", "%1 without a due date").replace(
            "%1", formatting.money(m["no_due_date"]["amount_minor"], currency))
    return ChartData("bar", [word(r["bucket"]) for r in rows],
                     [Series(translate("Metrics", "Invoices") if measure == "count" else translate("Metrics", "Amount"), values,
                             [r.get("drill") for r in rows])],
                     "count" if measure == "count" else "money", currency, headline)


BUILDERS = {
    "pipeline_funnel": _funnel, "weighted_forecast": _forecast, "win_rate": _win_rate, "sales_cycle": _cycle,
    "stage_aging": _aging, "stuck_deals": _stuck, "lead_conversion": _leads, "pipeline_coverage": _coverage,
    "quote_to_cash": _q2c, "dso": _dso, "receivables_aging": _receivables,
}


def cell_text(column: str, value, currency: str | None) -> str:
    """A table cell: amounts in the currency, rates as percentages, names shown."""
    if value is None:
        return ""
    if column.endswith("_minor"):
        return formatting.money(value, currency)
    if column in RATES:
        return percent(value)
    if column == "coverage":
        return f"{value:.2f}×"
    if column in TEXT_COLUMNS:
        return word(str(value))
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def column_title(column: str, currency: str | None) -> str:
    name = translated(COLUMNS.get(column, column))
    return f"{name} ({metric_text.currency(currency)})" if column.endswith("_minor") and currency else name
