"""The metrics' names, definitions and the words on their axes, translated.

The report engine (app/reports) is Qt-free and speaks English; its titles and
definitions are repeated here, marked for lupdate, so the dashboard shows them in the
user's language. tests/ui/insight checks that they match the engine's word for word.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import formatting

CONTEXT = "Metrics"
TEXTS = {
    "pipeline_funnel": (QT_TRANSLATE_NOOP("Metrics", "Pipeline funnel"),
        QT_TRANSLATE_NOOP("Metrics", "Open deals by their current stage (a snapshot as of today: the period does not apply), then the deals won and lost with a close date in the period; count and amount.")),
    "weighted_forecast": (QT_TRANSLATE_NOOP("Metrics", "Weighted forecast by month"),
        QT_TRANSLATE_NOOP("Metrics", "Open deals by the month of their expected close, each counted at its amount times its probability (the stage's default probability when the deal has none). Deals without an expected close are shown apart. With a period, only months in the period.")),
    "win_rate": (QT_TRANSLATE_NOOP("Metrics", "Win rate"),
        QT_TRANSLATE_NOOP("Metrics", "Of the deals closed (won or lost) with a close date in the period: won / closed by count, and won amount / closed amount by value; overall and by month, rep, team and product.")),
    "sales_cycle": (QT_TRANSLATE_NOOP("Metrics", "Sales cycle length"),
        QT_TRANSLATE_NOOP("Metrics", "Deals won in the period: days from the deal's first stage event (when it was opened) to its close date, on average; and the average days those deals spent in each stage they passed through.")),
    "stage_aging": (QT_TRANSLATE_NOOP("Metrics", "Stage aging"),
        QT_TRANSLATE_NOOP("Metrics", "Open deals by how long they have been in their current stage, as of the end of the period (or today): 0-7, 8-30, 31-60, 61-90 and over 90 days.")),
    "stuck_deals": (QT_TRANSLATE_NOOP("Metrics", "Stuck deals"),
        QT_TRANSLATE_NOOP("Metrics", "Open deals whose stage has not changed for N days (30 unless chosen) and that have no activity done, or scheduled, in those N days; as of the end of the period (or today).")),
    "lead_conversion": (QT_TRANSLATE_NOOP("Metrics", "Lead conversion rate"),
        QT_TRANSLATE_NOOP("Metrics", "Leads created in the period: converted / all, and converted / decided (converted or disqualified); overall and by lead source.")),
    "pipeline_coverage": (QT_TRANSLATE_NOOP("Metrics", "Pipeline coverage"),
        QT_TRANSLATE_NOOP("Metrics", "Per rep, for the period's months (the current quarter without a period): quota, won (deals closed won in those months), open pipeline (open deals expected to close in those months), and coverage = open pipeline / (quota - won). Attainment = won / quota. Quotas are set per rep per month by managers.")),
    "quote_to_cash": (QT_TRANSLATE_NOOP("Metrics", "Quote-to-cash time"),
        QT_TRANSLATE_NOOP("Metrics", "Average days per leg, each over the documents that completed it in the period: quote to order (from the deal's first quote to the order), order to invoice (to the order's first issued invoice), invoice to cash (from issue to the payment that settled it), and quote to cash for orders invoiced in full and paid.")),
    "dso": (QT_TRANSLATE_NOOP("Metrics", "Days sales outstanding (DSO)"),
        QT_TRANSLATE_NOOP("Metrics", "Receivables at the end of the period / invoiced sales in the period x days in the period; without a period, the 90 days up to today. Credit notes reduce both.")),
    "receivables_aging": (QT_TRANSLATE_NOOP("Metrics", "Receivables aging"),
        QT_TRANSLATE_NOOP("Metrics", "Open invoice amounts as of the end of the period (or today), by days past their due date: not yet due, 1-30, 31-60, 61-90 and over 90 days.")),
}
# Categories the engine names in English: aging buckets, cash legs, placeholders.
WORDS = {
    "not due": QT_TRANSLATE_NOOP("Metrics", "not due"),
    "quote_to_order": QT_TRANSLATE_NOOP("Metrics", "Quote to order"),
    "order_to_invoice": QT_TRANSLATE_NOOP("Metrics", "Order to invoice"),
    "invoice_to_cash": QT_TRANSLATE_NOOP("Metrics", "Invoice to cash"),
    "quote_to_cash": QT_TRANSLATE_NOOP("Metrics", "Quote to cash"),
    "(nobody)": QT_TRANSLATE_NOOP("Metrics", "(nobody)"),
    "(no team)": QT_TRANSLATE_NOOP("Metrics", "(no team)"),
    "(no product)": QT_TRANSLATE_NOOP("Metrics", "(no product)"),
    "(none)": QT_TRANSLATE_NOOP("Metrics", "(none)"),
    "no date": QT_TRANSLATE_NOOP("Metrics", "no date"),
}

# Currency codes as people say them ("CNY" reads 人民币 in Chinese); other codes show as they are.
CURRENCIES = {"CNY": QT_TRANSLATE_NOOP("Metrics", "CNY"), "USD": QT_TRANSLATE_NOOP("Metrics", "USD"),
              "EUR": QT_TRANSLATE_NOOP("Metrics", "EUR"), "HKD": QT_TRANSLATE_NOOP("Metrics", "HKD"),
              "JPY": QT_TRANSLATE_NOOP("Metrics", "JPY"), "GBP": QT_TRANSLATE_NOOP("Metrics", "GBP"),
              "TWD": QT_TRANSLATE_NOOP("Metrics", "TWD")}


def currency(code: str | None) -> str:
    """A currency as shown: its name where one is translated, else its ISO code."""
    return translated(CURRENCIES[code]) if code in CURRENCIES else (code or "")


def translated(text: str) -> str:
    """A text marked above (or in ui/reports/chart_data.py) in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def title(key: str) -> str:
    return translated(TEXTS[key][0])


def definition(key: str) -> str:
    return translated(TEXTS[key][1])


def word(text: str | None) -> str:
    """A category as the engine names it (a stage code, an aging bucket, a leg), shown."""
    if text is None:
        return translated(WORDS["no date"])
    if text in WORDS:
        return translated(WORDS[text])
    named = formatting.stage(text)
    return named if named != text else text
