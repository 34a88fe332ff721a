"""Data standards: each function normalises a value or raises ValueError with a sentence."""
from __future__ import annotations

import phonenumbers
from babel.numbers import get_currency_precision, list_currencies
from email_validator import EmailNotValidError, validate_email

DEFAULT_REGION = "CN"

# 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet (no I, O, Z, S, V);
# the last is a check character over the first 17 with these weights, modulo 31.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CURRENCIES = frozenset(list_currencies())


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """A phone number in any common notation as E.164 (`+8613800138000`)."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValueError("is not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError("is not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(text: str) -> str:
    """An e-mail address checked for syntax (no DNS look-up), lower-cased: mail systems
    treat the local part case-insensitively in practice, and matching needs one form."""
    try:
        result = validate_email(text.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(f"is not a valid e-mail address ({exc})") from None
    return result.normalized.lower()


def credit_code_check_char(first17: str) -> str:
    total = sum(CREDIT_CODE_ALPHABET.index(ch) * w for ch, w in zip(first17, CREDIT_CODE_WEIGHTS))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def normalise_credit_code(text: str) -> str:
    """A unified social credit code, upper-cased and checked (length, alphabet, check character)."""
    code = "".join(text.split()).upper()
    if len(code) != 18:
        raise ValueError("must be 18 characters")
    bad = sorted({ch for ch in code if ch not in CREDIT_CODE_ALPHABET})
    if bad:
        raise ValueError(f"contains characters not allowed in a credit code: {''.join(bad)}")
    if credit_code_check_char(code[:17]) != code[17]:
        raise ValueError("check character does not match (mistyped?)")
    return code


def normalise_currency(text: str) -> str:
    code = text.strip().upper()
    if code not in _CURRENCIES:
        raise ValueError("is not an ISO 4217 currency code")
    return code


def normalise_month(text: str) -> str:
    """A calendar month as `YYYY-MM` (quota periods); `2026-1` becomes `2026-01`."""
    parts = text.strip().split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4 \
            or not 1 <= int(parts[1]) <= 12:
        raise ValueError("must be a month (YYYY-MM)")
    return f"{parts[0]}-{int(parts[1]):02d}"


def currency_exponent(code: str) -> int:
    """Digits after the decimal point for a currency's minor unit (CNY 2, JPY 0)."""
    return get_currency_precision(code)


NORMALISERS = {
    "phone": normalise_phone,
    "email": normalise_email,
    "credit_code": normalise_credit_code,
    "currency": normalise_currency,
    "month": normalise_month,
}
