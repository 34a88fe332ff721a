"""The shared rule set: one place that decides whether a record is acceptable.

Both ends call `validate_record` with the record as it would be after a change; it
returns the record normalised (wire format: dates `YYYY-MM-DD`, timestamps
`YYYY-MM-DDTHH:MM:SSZ`, phones E.164...) or raises ValidationError with a message per
field. Format rules apply to the fields being changed, so a legacy value left by an
import does not block editing something else; required fields and cross-field rules
apply to the whole record.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from app import clock
from app.errors import ValidationError
from app.rules.dictionary import NUMBERS, Dictionary
from app.rules.schema import FieldSpec, entity_spec
from app.rules.standards import NORMALISERS
from app.rules.states import CLOSED_STAGES

INT_LIMIT = 2**53  # keeps every integer exact in JSON consumers and PostgreSQL bigint


def coerce(spec: FieldSpec, value):
    """One value in its wire form, or ValueError with a sentence fragment."""
    if value is None:
        return None
    kind = spec.type
    if kind in ("string", "text"):
        if not isinstance(value, str):
            raise ValueError("must be text")
        value = value.strip()
        if value == "":
            return None
        if spec.max_length and len(value) > spec.max_length:
            raise ValueError(f"is longer than {spec.max_length} characters")
        if "\x00" in value:
            raise ValueError("contains a NUL character")
        return value
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("must be a whole number")
        if not -INT_LIMIT < value < INT_LIMIT:
            raise ValueError("is out of range")
        return value
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
        return value
    if kind == "date":
        if isinstance(value, dt.datetime):
            raise ValueError("must be a date (YYYY-MM-DD)")
        if isinstance(value, dt.date):
            return value.isoformat()
        if not isinstance(value, str):
            raise ValueError("must be a date (YYYY-MM-DD)")
        try:
            return clock.parse_date(value).isoformat()
        except ValueError:
            raise ValueError("must be a date (YYYY-MM-DD)") from None
    if kind == "datetime":
        if isinstance(value, dt.datetime):
            return clock.format_datetime(value)
        if not isinstance(value, str):
            raise ValueError("must be a timestamp (ISO 8601)")
        try:
            return clock.format_datetime(clock.parse_datetime(value))
        except ValueError:
            raise ValueError("must be a timestamp (ISO 8601)") from None
    raise ValueError(f"has an unknown type {kind}")


def check_field(spec: FieldSpec, value, dictionary: Dictionary):
    value = coerce(spec, value)
    if value is None:
        return None
    if spec.norm:
        value = NORMALISERS[spec.norm](value)
    if spec.choices and value not in spec.choices:
        raise ValueError(f"must be one of {', '.join(spec.choices)}")
    if spec.vocab:
        codes = dictionary.codes(spec.vocab)
        if value not in codes:
            raise ValueError(f"“{value}” is not in the {spec.vocab} vocabulary")
    if spec.min is not None and value < spec.min:
        raise ValueError(f"must be at least {spec.min}")
    if spec.max is not None and value > spec.max:
        raise ValueError(f"must be at most {spec.max}")
    return value


def validate_record(entity: str, record: dict, *, dictionary: Dictionary,
                    changed: Iterable[str] | None = None) -> dict:
    """Check `record` (all its data fields) after a change of `changed` (default: all).

    Returns the normalised record. Raises ValidationError listing every broken rule;
    unknown fields are errors too.
    """
    spec = entity_spec(entity)
    errors: dict[str, str] = {}
    unknown = [name for name in record if name not in spec.fields]
    for name in unknown:
        errors[name] = "is not a field of " + entity
    out = {name: value for name, value in record.items() if name in spec.fields}
    names = list(out) if changed is None else [n for n in changed if n in spec.fields]
    for name in names:
        field = spec.fields[name]
        if field.system:
            continue
        try:
            out[name] = check_field(field, out.get(name), dictionary)
        except ValueError as exc:
            errors[name] = str(exc)
    for name, field in spec.fields.items():
        if field.required and out.get(name) in (None, "") and name not in errors:
            errors[name] = "is required"
    rule = ENTITY_RULES.get(entity)
    if rule and not errors:
        errors.update(rule(out, dictionary))
    if errors:
        raise ValidationError(errors)
    return out


# --- cross-field rules, one per entity that has them -------------------------------

def _lead_rules(r: dict, d: Dictionary) -> dict:
    errors = {}
    if not r.get("company_name") and not r.get("contact_name"):
        errors["company_name"] = "a lead needs a company name or a contact name"
    if r.get("status") == "disqualified" and not r.get("disqualify_reason"):
        errors["disqualify_reason"] = "is required to disqualify a lead"
    if r.get("status") == "converted" and not r.get("converted_customer_id"):
        errors["converted_customer_id"] = "is required for a converted lead"
    return errors


STAGES_NEEDING_AMOUNT = ("proposal", "negotiation", "won")


def deal_stage_requirements(stage: str) -> tuple[str, ...]:
    """The fields a deal must have to stand in `stage`."""
    needed: tuple[str, ...] = ()
    if stage in STAGES_NEEDING_AMOUNT:
        needed += ("amount_minor", "expected_close")
    if stage in CLOSED_STAGES:
        needed += ("closed_on",)
    if stage == "lost":
        needed += ("lost_reason",)
    return needed


def _deal_rules(r: dict, d: Dictionary) -> dict:
    stage = r.get("stage")
    errors = {}
    for name in deal_stage_requirements(stage):
        if r.get(name) in (None, ""):
            errors[name] = f"is required at stage {stage}"
    if stage != "lost" and r.get("lost_reason"):
        errors["lost_reason"] = "is only kept on a lost deal"
    return errors


def _customer_rules(r: dict, d: Dictionary) -> dict:
    if r.get("parent_id") and r.get("parent_id") == r.get("id"):
        return {"parent_id": "a customer cannot be its own parent"}
    return {}


def _activity_rules(r: dict, d: Dictionary) -> dict:
    if r.get("kind") == "task" and not r.get("due_at"):
        return {"due_at": "a task needs a due date"}
    return {}


def _invoice_rules(r: dict, d: Dictionary) -> dict:
    errors = {}
    total = r.get("total_minor") or 0
    if r.get("kind") == "credit_note":
        if not r.get("credited_invoice_id"):
            errors["credited_invoice_id"] = "a credit note must name the invoice it corrects"
        if total >= 0:
            errors["total_minor"] = "a credit note's total is negative (the amount credited)"
    elif total < 0:
        errors["total_minor"] = "must not be negative (use a credit note)"
    if r.get("due_on") and r.get("issued_on") and r["due_on"] < r["issued_on"]:
        errors["due_on"] = "cannot be before the issue date"
    return errors


def _quote_line_rules(r: dict, d: Dictionary) -> dict:
    # A negative price is an adjustment (an approved change request's price cut): it
    # stands alone, or it would hide a discount inside a product line.
    if (r.get("unit_price_minor") or 0) < 0 and (r.get("product_id") or r.get("discount_bp")):
        return {"unit_price_minor": "a negative (adjustment) line has no product and no discount"}
    return {}


def _milestone_rules(r: dict, d: Dictionary) -> dict:
    if r.get("percent_bp") is None and r.get("amount_minor") is None:
        return {"amount_minor": "a milestone needs a percentage or an amount"}
    return {}


def _dictionary_entry_rules(r: dict, d: Dictionary) -> dict:
    bounds = NUMBERS.get(r.get("vocabulary"))
    if bounds is None:
        return {}
    value, (low, high) = r.get("value"), bounds
    if value is None:
        return {"value": f"is required in {r['vocabulary']}"}
    if value < low or (high is not None and value > high):
        return {"value": f"must be {low} to {high}" if high is not None else f"must be at least {low}"}
    return {}


ENTITY_RULES = {
    "lead": _lead_rules,
    "deal": _deal_rules,
    "customer": _customer_rules,
    "activity": _activity_rules,
    "invoice": _invoice_rules,
    "billing_milestone": _milestone_rules,
    "quote_line": _quote_line_rules,
    "dictionary_entry": _dictionary_entry_rules,
}
