"""How the cash screens show and read rates and quantities: basis points as percentages
("13%", "12.5%") and thousandths as quantities ("2", "2.5"). Money itself is in
ui/formatting.py; arithmetic on amounts is app/rules/money.py's, never a screen's."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Amounts", text)


def _decimal(text: str, places: int) -> int:
    """`text` as an integer scaled by 10**places ("12.5", 2 -> 1250); ValueError if it is
    no number or has more decimals than `places`."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        raise ValueError(_tr("is required"))
    sign = 1
    if cleaned.startswith("-"):
        sign, cleaned = -1, cleaned[1:]
    whole, dot, frac = cleaned.partition(".")
    if not (whole or frac) or not (whole or "0").isdigit() or (dot and frac and not frac.isdigit()) \
            or len(frac) > places:
        raise ValueError(_tr("is not a number"))
    return sign * (int(whole or "0") * 10 ** places + int((frac or "0").ljust(places, "0")))


def _trimmed(value: int, places: int) -> str:
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 10 ** places)
    text = f"{whole:,}"
    if frac:
        text += "." + f"{frac:0{places}d}".rstrip("0")
    return sign + text


def percent(bp: int | None) -> str:
    """1300 -> "13%", 1250 -> "12.5%", None -> ""."""
    return "" if bp is None else _trimmed(bp, 2) + "%"


def parse_percent(text: str) -> int:
    """"13", "13%", "12.5" -> basis points; ValueError outside 0-100% or for no number."""
    value = _decimal(text.replace("%", "").replace("％", ""), 2)
    if not 0 <= value <= 10_000:
        raise ValueError(_tr("must be between 0% and 100%"))
    return value


def quantity(milli: int | None) -> str:
    """2000 -> "2", 2500 -> "2.5"."""
    return "" if milli is None else _trimmed(milli, 3)


def parse_quantity(text: str) -> int:
    """"2", "2.5" -> thousandths; ValueError for no number or a quantity not above zero."""
    value = _decimal(text, 3)
    if value <= 0:
        raise ValueError(_tr("must be above zero"))
    return value
