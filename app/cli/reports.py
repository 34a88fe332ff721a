"""`report kpis [--from DATE] [--to DATE] [--json]`: the dashboard's figures for scripts.

The same computation as the dashboard (app/reports/kpis.py), so both show the same
numbers. Human output is one table per metric; --json prints the whole report;
--export DIR writes each metric's data as CSV (or XLSX with --xlsx).
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path


def _date(text: str) -> str:
    import argparse

    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(sub) -> None:
    from app.cli import add_profile_arg
    from app.reports import METRICS

    p = sub.add_parser("report", help="reports and KPIs (the dashboard's figures)",
                       description="Print the standard LTC metrics computed over this profile's local copy.")
    p.add_argument("what", choices=("kpis",), help="kpis: every metric of the dashboard")
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="first day of the period")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="last day of the period")
    p.add_argument("--rep", metavar="USER", help="one rep (username, display name or id)")
    p.add_argument("--team", metavar="TEAM", help="one team")
    p.add_argument("--product", metavar="PRODUCT", help="one product (name, code or id)")
    p.add_argument("--currency", metavar="CUR", help="report currency (default: the one most deals are in)")
    p.add_argument("--stuck-days", type=int, default=30, metavar="N", help="a deal is stuck after N quiet days")
    p.add_argument("--metric", action="append", choices=sorted(METRICS), help="only this metric (repeatable)")
    p.add_argument("--json", action="store_true", help="the whole report as JSON")
    p.add_argument("--export", metavar="DIR", help="write each metric's data to DIR (CSV, or XLSX with --xlsx)")
    p.add_argument("--xlsx", action="store_true", help="with --export: XLSX files instead of CSV")
    add_profile_arg(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from app.cli import UsageError, profile_store
    from app.reports import ReportFilter, compute_store, export

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UsageError("--from is after --to")
    if args.stuck_days < 1:
        raise UsageError("--stuck-days must be at least 1")
    store = profile_store(args)
    try:
        with store.read() as session:
            rep = _resolve(session, "users", ("id", "username", "display_name"), args.rep, "user")
            product = _resolve(session, "products", ("id", "code", "name"), args.product, "product")
        f = ReportFilter(date_from=args.date_from, date_to=args.date_to, rep=rep, team=args.team,
                         product_id=product, currency=args.currency.upper() if args.currency else None,
                         stuck_days=args.stuck_days)
        report = compute_store(store, f, metrics=args.metric)
    finally:
        store.close()
    if args.export:
        folder = Path(args.export)
        folder.mkdir(parents=True, exist_ok=True)
        for key, metric in report["metrics"].items():
            export(metric, folder / f"{key}.{'xlsx' if args.xlsx else 'csv'}")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        print_report(report)
    return 0


def _resolve(session, table: str, columns: tuple[str, ...], text: str | None, what: str) -> str | None:
    from sqlalchemy import text as sql

    from app.errors import NotFound

    if not text:
        return None
    for column in columns:
        rows = session.execute(sql(f"SELECT id FROM {table} WHERE deleted_at IS NULL AND {column} = :v"),
                               {"v": text}).scalars().all()
        if len(rows) == 1:
            return rows[0]
        if len(rows) > 1:
            raise NotFound(f"{len(rows)} {what}s match {text!r}; give the id")
    raise NotFound(f"no {what} {text!r}")


def print_report(report: dict, out=None) -> None:
    """The report as one small table per metric."""
    out = out or sys.stdout
    currency = report["currency"]
    period = report["period"]
    span = f"{period['from'] or 'the beginning'} to {period['to'] or 'today'}"
    print(f"LTC metrics, {span}; as of {report['as_of']}; amounts in {currency} "
          f"({report['elapsed_ms']:.0f} ms)", file=out)
    for metric in report["metrics"].values():
        print(f"\n== {metric['title']}", file=out)
        for line in _summary(metric):
            print(f"   {line}", file=out)
        _table(metric, out)


def _summary(m: dict) -> list[str]:
    key = m["key"]
    money = lambda v: _money(v, m.get("currency"))  # noqa: E731
    if key == "pipeline_funnel":
        return [f"open: {m['open_count']:,} deals, {money(m['open_amount_minor'])}"]
    if key == "weighted_forecast":
        u = m["undated"]
        return [f"weighted total: {money(m['total_weighted_minor'])}; without an expected close: "
                f"{u['count']:,} deals, {money(u['amount_minor'])}"]
    if key == "win_rate":
        return [f"won {m['won']:,}, lost {m['lost']:,}; by count {_pct(m['win_rate_count'])}, "
                f"by value {_pct(m['win_rate_value'])}"]
    if key == "sales_cycle":
        return [f"{m['won_deals']:,} won deals; average cycle {_days(m['average_days'])}"]
    if key == "stage_aging":
        return [f"as of {m['as_of']}"]
    if key == "stuck_deals":
        return [f"{m['count']:,} deals, {money(m['amount_minor'])} without a stage change or activity in "
                f"{m['days']} days (as of {m['as_of']})"]
    if key == "lead_conversion":
        return [f"{m['leads']:,} leads; converted {_pct(m['conversion_rate'])}, of decided "
                f"{_pct(m['decided_conversion_rate'])}"]
    if key == "pipeline_coverage":
        t = m["total"]
        return [f"{m['months']['from']} to {m['months']['to']}: quota {money(t['quota_minor'])}, won "
                f"{money(t['won_minor'])}, open {money(t['open_minor'])}, coverage {_ratio(t['coverage'])}, "
                f"attainment {_pct(t['attainment'])}"]
    if key == "dso":
        return [f"DSO {_days(m['dso_days'])} ({m['period']['from']} to {m['period']['to']}: receivables "
                f"{money(m['receivables_minor'])}, sales {money(m['sales_minor'])})"]
    if key == "receivables_aging":
        return [f"open {money(m['total_minor'])} as of {m['as_of']}"]
    return []


def _table(m: dict, out) -> None:
    if m["key"] in ("dso",) or not m["rows"]:
        return
    columns = m["columns"]
    cells = [[_cell(c, r.get(c), m.get("currency")) for c in columns] for r in m["rows"]]
    headers = [c[:-6] if c.endswith("_minor") else c for c in columns]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]
    print("   " + "  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(), file=out)
    for row in cells:
        print("   " + "  ".join(v.rjust(w) if i else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths))),
              file=out)


def _cell(column: str, value, currency) -> str:
    if value is None:
        return "-"
    if column.endswith("_minor"):
        return _money(value, currency, symbol=False)
    if column.startswith("win_rate") or column in ("attainment", "conversion_rate", "decided_conversion_rate"):
        return _pct(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _money(minor, currency, symbol: bool = True) -> str:
    from app.rules.standards import currency_exponent

    if minor is None:
        return "-"
    exp = currency_exponent(currency) if currency else 2
    text = f"{minor / 10 ** exp:,.{exp}f}"
    return f"{text} {currency}" if symbol and currency else text


def _pct(value) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _ratio(value) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _days(value) -> str:
    return "-" if value is None else f"{value:.1f} days"
