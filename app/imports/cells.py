"""Turning a cell's text into a field's value: numbers with thousands separators, money
in major units ("1,054.50" USD -> 105450), booleans in English or Chinese, dates and
timestamps in the forms spreadsheets write. Each function raises ValueError with a
sentence fragment the row's reason is built from."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app import clock
from app.rules.schema import FieldSpec
from app.rules.standards import currency_exponent

TRUE = {"true", "yes", "y", "1", "t", "on", "是", "对", "√", "✓"}
FALSE = {"false", "no", "n", "0", "f", "off", "否", "不", "×", "✗"}
_NUMBER_JUNK = re.compile(r"[\s,_'’¥￥$€£]")
_DATE_FORMS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_TIME_SPLIT = re.compile(r"^(\S+?)(?:[T ]+(\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$")


def fold(text: str) -> str:
    """The form names and codes are compared in: width-folded, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def zone(name: str | None) -> dt.tzinfo:
    if not name or name.upper() == "UTC":
        return dt.timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


def parse_integer(text: str) -> int:
    try:
        number = Decimal(_NUMBER_JUNK.sub("", text))
    except InvalidOperation:
        raise ValueError(f"“{text}” is not a number") from None
    if number != number.to_integral_value():
        raise ValueError(f"“{text}” is not a whole number")
    return int(number)


def parse_money(text: str, currency: str | None, unit: str = "major") -> int:
    """An amount as integer minor units of `currency`: `unit` "major" reads "1,054.50" as
    105450 (rounded half up to the currency's minor unit); "minor" reads it as is."""
    if unit == "minor":
        return parse_integer(text)
    cleaned = _NUMBER_JUNK.sub("", text)
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    try:
        number = Decimal(cleaned.strip("()"))
    except InvalidOperation:
        raise ValueError(f"“{text}” is not an amount") from None
    if not number.is_finite():
        raise ValueError(f"“{text}” is not an amount")
    exponent = currency_exponent(currency or "CNY")
    minor = int((number * (10 ** exponent)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return -minor if negative else minor


def parse_boolean(text: str) -> bool:
    key = fold(text)
    if key in TRUE:
        return True
    if key in FALSE:
        return False
    raise ValueError(f"“{text}” is not yes or no")


def parse_date(text: str, fmt: str | None = None) -> str:
    """A date as `YYYY-MM-DD`. Without `fmt`, year-first forms (2017-03-01, 2017/3/1,
    2017年3月1日, 20170301), optionally followed by a time; day-first or month-first
    forms are ambiguous and need `fmt` (a strptime format)."""
    text = text.strip()
    if fmt:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            raise ValueError(f"“{text}” is not a date in the form {fmt}") from None
    m = _TIME_SPLIT.match(text)
    day = m.group(1) if m else text
    for form in _DATE_FORMS:
        found = form.match(day)
        if found:
            y, mo, d = (int(g) for g in found.groups())
            try:
                return dt.date(y, mo, d).isoformat()
            except ValueError:
                raise ValueError(f"“{text}” is not a real date") from None
    raise ValueError(f"“{text}” is not a date (YYYY-MM-DD; set a date format for other forms)")


def parse_datetime(text: str, fmt: str | None = None, tz: str | None = None) -> str:
    """A timestamp as `YYYY-MM-DDTHH:MM:SSZ`. A value without an offset is in `tz`
    (default UTC); a date alone is midnight there."""
    text = text.strip()
    zone_info = zone(tz)
    if fmt:
        try:
            value = dt.datetime.strptime(text, fmt)
        except ValueError:
            raise ValueError(f"“{text}” is not a time in the form {fmt}") from None
    else:
        m = _TIME_SPLIT.match(text)
        if not m:
            raise ValueError(f"“{text}” is not a date and time")
        day = dt.date.fromisoformat(parse_date(m.group(1)))
        clock_part = m.group(2) or "00:00"
        parts = [int(p) for p in clock_part.split(":")] + [0]
        try:
            value = dt.datetime(day.year, day.month, day.day, parts[0], parts[1], parts[2])
        except ValueError:
            raise ValueError(f"“{text}” is not a real time") from None
        if m.group(3):
            return clock.format_datetime(clock.parse_datetime(f"{day.isoformat()}T{clock_part}{m.group(3)}"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone_info)
    return clock.format_datetime(value)


def convert(spec: FieldSpec, text: str, *, currency: str | None = None, unit: str | None = None,
            fmt: str | None = None, tz: str | None = None):
    """The value of field `spec` written as `text` (None for an empty cell)."""
    text = text.strip()
    if text == "":
        return None
    if spec.type == "integer":
        if spec.name.endswith("_minor"):
            return parse_money(text, currency, unit or "major")
        return parse_integer(text)
    if spec.type == "boolean":
        return parse_boolean(text)
    if spec.type == "date":
        return parse_date(text, fmt)
    if spec.type == "datetime":
        return parse_datetime(text, fmt, tz)
    return text
