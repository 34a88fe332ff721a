"""大写金额: a CNY amount in the capital numerals Chinese financial documents require.

The writing rules follow the People's Bank of China settlement rules (支付结算办法): digits
壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿 with 拾 always preceded by its digit (壹拾), one 零 for any
run of zeros between non-zero digits (also across a 万 or 亿 boundary), "整" after an
amount that ends at 元 or 角 and nothing after 分. Between 元 and a non-zero 分 with no
角 a 零 is written (壹仟零伍元零伍分); between 元 and 角 none is (the rules allow both).
A negative amount (a credit note) is prefixed with 负.
"""
from __future__ import annotations

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("仟", "佰", "拾", "")
WAN = 10_000
YI = 100_000_000
# Beyond this the wording (万亿亿) is no longer standard; no invoice gets near it.
LIMIT_MINOR = 10**16 * 100


def amount_in_words(amount_minor: int) -> str:
    """The 大写 form of `amount_minor` fen of CNY, e.g. 1234567 -> 壹万贰仟叁佰肆拾伍元陆角柒分,
    100500 -> 壹仟零伍元整, 5 -> 伍分, 0 -> 零元整. Raises ValueError for a non-integer or an
    amount of 10^16 yuan or more."""
    if isinstance(amount_minor, bool) or not isinstance(amount_minor, int):
        raise ValueError("the amount must be a whole number of fen")
    if abs(amount_minor) >= LIMIT_MINOR:
        raise ValueError("the amount is too large to write in words")
    sign = "负" if amount_minor < 0 else ""
    yuan, cents = divmod(abs(amount_minor), 100)
    jiao, fen = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零元整"
    text = _integer(yuan) + "元" if yuan else ""
    if jiao:
        text += DIGITS[jiao] + "角"
    if fen:
        if yuan and not jiao:
            text += "零"
        text += DIGITS[fen] + "分"
    else:
        text += "整"
    return sign + text


def _integer(n: int) -> str:
    """Words for a positive whole number below 10^16."""
    if n >= YI:
        high, low = divmod(n, YI)
        text = _below_yi(high) + "亿"
        if low:
            # A gap below the 亿 (fewer than eight digits left) is read as one 零.
            text += ("零" if low < YI // 10 else "") + _below_yi(low)
        return text
    return _below_yi(n)


def _below_yi(n: int) -> str:
    """Words for 1 <= n < 10^8."""
    high, low = divmod(n, WAN)
    if not high:
        return _below_wan(low)
    text = _below_wan(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _below_wan(low)
    return text


def _below_wan(n: int) -> str:
    """Words for 1 <= n < 10^4: zeros inside collapse to one 零, trailing zeros vanish."""
    text, pending_zero = "", False
    for unit, digit in zip(SMALL_UNITS, f"{n:04d}"):
        d = int(digit)
        if d == 0:
            pending_zero = bool(text)
            continue
        if pending_zero:
            text += "零"
            pending_zero = False
        text += DIGITS[d] + unit
    return text
