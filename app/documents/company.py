"""The issuing company's particulars printed on every document: kept in the profile's
settings (key `company`), with a placeholder until someone fills them in."""
from __future__ import annotations

from app.errors import ValidationError
from app.rules.standards import normalise_credit_code

SETTING = "company"
FIELDS = ("name", "name_en", "address", "phone", "email", "website", "tax_id", "bank_name", "bank_account",
          "account_name")
DEFAULT = {"name": "LTC Desk", "name_en": None, "address": None, "phone": None, "email": None, "website": None,
           "tax_id": None, "bank_name": None, "bank_account": None, "account_name": None}


def company_profile(store) -> dict:
    """The company block as stored, every field present (None when not set)."""
    stored = store.setting(SETTING) or {}
    return {k: stored.get(k, DEFAULT[k]) for k in FIELDS}


def set_company_profile(store, values: dict) -> dict:
    """Store the company's particulars (only FIELDS; a name is required; a Chinese
    unified social credit code is checked). Returns the profile as stored."""
    unknown = {k: "is not a company field" for k in values if k not in FIELDS}
    if unknown:
        raise ValidationError(unknown)
    merged = {**company_profile(store), **{k: (v.strip() or None) if isinstance(v, str) else v
                                           for k, v in values.items()}}
    if not merged["name"]:
        raise ValidationError({"name": "is required"})
    if merged["tax_id"]:
        try:
            merged["tax_id"] = normalise_credit_code(merged["tax_id"])
        except ValueError as exc:
            raise ValidationError({"tax_id": str(exc)}) from None
    store.set_setting(SETTING, merged)
    return merged
