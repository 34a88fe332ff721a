"""How values look on screen: money from minor units, dates and times, stage and status
names, all in the active locale (ui/i18n.py makes the chosen language's locale the
default): ¥1,234.56 and 2026/11/27 in Chinese, ¥1,234.56 and 11/27/2026 in American
English; ISO dates where the system names no locale (C/POSIX).

The name tables below (STAGE_NAMES, STATUS_NAMES, KIND_NAMES) are translated in the
contexts Stage, Status and ActivityKind; `make translations` lists their values for
lupdate in ui/label_catalogue.py."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from app.rules.standards import currency_exponent

SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "JP¥", "HKD": "HK$", "TWD": "NT$"}


def tr(text: str, context: str = "Formatting") -> str:
    return QCoreApplication.translate(context, text)


def label(text: str) -> str:
    """A label defined as data (list columns and filters, form fields), translated in the
    "Labels" context; ui/label_catalogue.py lists them for lupdate."""
    return QCoreApplication.translate("Labels", text)


def _locale() -> QLocale:
    return QLocale()


def _iso(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.C


@lru_cache(maxsize=64)
def _exponent(currency: str) -> int:
    try:
        return currency_exponent(currency)
    except Exception:  # noqa: BLE001 - an unknown code shows with two decimals
        return 2


def money(minor: int | None, currency: str | None = "CNY") -> str:
    """`¥1,234.56` from 123456 CNY minor units; "" for no amount."""
    if minor is None:
        return ""
    currency = currency or "CNY"
    exp = _exponent(currency)
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(int(minor)), 10 ** exp) if exp else (abs(int(minor)), 0)
    locale = _locale()
    group, point = (",", ".") if _iso(locale) else (locale.groupSeparator(), locale.decimalPoint())
    text = f"{whole:,}".replace(",", group) + (f"{point}{frac:0{exp}d}" if exp else "")
    symbol = SYMBOLS.get(currency)
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {currency}"


def totals(by_currency: dict) -> str:
    """Several currencies' totals on one line, CNY first; a currency whose total is zero
    is left out when another has an amount."""
    nonzero = {c: v for c, v in (by_currency or {}).items() if v}
    by_currency = nonzero or by_currency
    if not by_currency:
        return money(0, "CNY")
    items = sorted(by_currency.items(), key=lambda kv: (kv[0] != "CNY", kv[0]))
    return " + ".join(money(v, c) for c, v in items)


def parse_money(text: str, currency: str = "CNY") -> int | None:
    """Minor units from what a person typed ("1,234.5", "¥1234"; in the locale's own
    separators too, "1.234,5" in German); ValueError if it is no amount."""
    locale = _locale()
    if not _iso(locale) and locale.decimalPoint() != ".":
        text = text.replace(locale.groupSeparator(), "").replace(locale.decimalPoint(), ".")
    cleaned = "".join(ch for ch in text if ch.isdigit() or ch in ".-")
    if not cleaned:
        if text.strip():
            raise ValueError(QCoreApplication.translate("Formatting", "is not an amount"))
        return None
    exp = _exponent(currency)
    whole, _, frac = cleaned.partition(".")
    if len(frac) > exp or cleaned.count("-") > 1 or ("-" in cleaned and not cleaned.startswith("-")):
        raise ValueError(QCoreApplication.translate("Formatting", "is not an amount"))
    sign = -1 if whole.startswith("-") else 1
    whole = whole.lstrip("-") or "0"
    return sign * (int(whole) * 10 ** exp + int((frac or "0").ljust(exp, "0") if exp else 0))


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year (yyyy/M/d in Chinese)."""
    locale = locale or _locale()
    if _iso(locale):
        return "yyyy-MM-dd"
    return re.sub(r"(?<!y)y{2}(?!y)", "yyyy", locale.dateFormat(QLocale.FormatType.ShortFormat))


def time_format(locale: QLocale | None = None) -> str:
    locale = locale or _locale()
    return "HH:mm" if _iso(locale) else locale.timeFormat(QLocale.FormatType.ShortFormat)


def date(value: str | None) -> str:
    """A wire date ('YYYY-MM-DD') in the locale's short format; the value as it is if it is no date."""
    if not value:
        return ""
    day = QDate.fromString(value[:10], "yyyy-MM-dd")
    if not day.isValid():
        return value
    locale = _locale()
    return locale.toString(day, date_format(locale))


def local_datetime(value: str | None) -> str:
    """A UTC wire timestamp in local time, in the locale's short date and time formats."""
    moment = _local_moment(value)
    if moment is None:
        return value or ""
    locale = _locale()
    stamp = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    return locale.toString(stamp, f"{date_format(locale)} {time_format(locale)}")


def local_datetime_input(value: str | None) -> str:
    """A UTC wire timestamp as local `YYYY-MM-DD HH:MM`, the form the editors read back."""
    moment = _local_moment(value)
    if moment is None:
        return value or ""
    return moment.strftime("%Y-%m-%d %H:%M")


def _local_moment(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return None


def language() -> str:
    """'zh' when the user's locale is Chinese, else 'en' (dictionary labels)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


STAGE_NAMES = {
    "prospecting": "Prospecting", "qualification": "Qualification", "proposal": "Proposal",
    "negotiation": "Negotiation", "won": "Won", "lost": "Lost",
}
STATUS_NAMES = {
    "new": "New", "working": "Working", "qualified": "Qualified", "converted": "Converted",
    "disqualified": "Disqualified", "prospect": "Prospect", "active": "Active", "inactive": "Inactive",
    # The cash side: quotes, approvals, orders and credit, invoices, hand-offs, change requests.
    "draft": "Draft", "pending_approval": "Waiting for approval", "approved": "Approved", "sent": "Sent",
    "accepted": "Accepted", "rejected": "Rejected", "superseded": "Superseded", "pending": "Pending",
    "void": "Void", "pending_credit": "Waiting for credit release", "confirmed": "Confirmed",
    "completed": "Completed", "cancelled": "Cancelled", "ok": "OK", "needs_approval": "Needs release",
    "released": "Released", "refused": "Refused", "pending_issue": "Waiting to be issued", "issued": "Issued",
    "partially_paid": "Partially paid", "paid": "Paid", "invoice": "Invoice", "credit_note": "Credit note",
    "open": "Open", "returned": "Returned", "due": "Due",
}
KIND_NAMES = {
    "call": "Call", "visit": "Visit", "meeting": "Meeting", "email": "E-mail", "task": "Task", "note": "Note",
    "reminder": "Reminder",
}


def stage(code: str | None) -> str:
    return tr(STAGE_NAMES.get(code or "", code or ""), "Stage")


def status(code: str | None) -> str:
    return tr(STATUS_NAMES.get(code or "", code or ""), "Status")


def kind(code: str | None) -> str:
    return tr(KIND_NAMES.get(code or "", code or ""), "ActivityKind")
