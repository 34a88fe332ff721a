"""The shared rule set: data standards, field types, vocabularies and cross-field rules."""
from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.rules.dictionary import Dictionary
from app.rules.schema import describe, entity_spec
from app.rules.standards import (
    credit_code_check_char, normalise_credit_code, normalise_currency, normalise_email, normalise_phone,
)
from app.rules.validation import validate_record

D = Dictionary.defaults()


@pytest.mark.parametrize("text, e164", [
    ("13800138000", "+8613800138000"),
    ("138 0013 8000", "+8613800138000"),
    ("+86 138-0013-8000", "+8613800138000"),
    ("010 6552 9988", "+861065529988"),
    ("+1 (650) 253-0000", "+16502530000"),
])
def test_phone_numbers_are_normalised_to_e164_with_china_as_default_region(text, e164):
    assert normalise_phone(text) == e164


@pytest.mark.parametrize("text", ["123", "phone", "+86 138", "1380013800012345"])
def test_phone_numbers_that_cannot_exist_are_refused(text):
    with pytest.raises(ValueError):
        normalise_phone(text)


def test_email_syntax_is_checked_and_the_address_lower_cased():
    assert normalise_email(" Zhang.San@Example.COM ") == "zhang.san@example.com"
    for bad in ("no-at-sign", "a@", "@b.com", "a b@c.com"):
        with pytest.raises(ValueError):
            normalise_email(bad)


def test_credit_code_check_character_follows_gb32100():
    # A published example code and one computed by hand:
    # 9 1 3 5 0 1 0 0 M 0 0 0 1 0 0 Y 4 -> weighted sum mod 31 gives check "3".
    assert normalise_credit_code("91350100M000100Y43") == "91350100M000100Y43"
    assert credit_code_check_char("91350100M000100Y4") == "3"
    assert normalise_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"


@pytest.mark.parametrize("code, why", [
    ("91350100M000100Y44", "check character"),
    ("91350100M000100Y4", "18 characters"),
    ("91350100I000100Y43", "not allowed"),
])
def test_bad_credit_codes_are_refused_with_the_reason(code, why):
    with pytest.raises(ValueError, match=why):
        normalise_credit_code(code)


def test_currency_must_be_iso_4217():
    assert normalise_currency("cny") == "CNY"
    with pytest.raises(ValueError):
        normalise_currency("RMB")


def test_a_valid_customer_is_normalised():
    out = validate_record("customer", {"name": " 华为技术有限公司 ", "phone": "13800138000",
                                       "email": "A@B.COM", "credit_code": "91350100m000100y43",
                                       "industry": "technology", "currency": "cny"}, dictionary=D)
    assert out == {"name": "华为技术有限公司", "phone": "+8613800138000", "email": "a@b.com",
                   "credit_code": "91350100M000100Y43", "industry": "technology", "currency": "CNY"}


def test_every_broken_rule_is_reported_per_field_at_once():
    with pytest.raises(ValidationError) as info:
        validate_record("customer", {"name": "", "phone": "12", "industry": "astrology",
                                     "credit_limit_minor": -5, "nope": 1}, dictionary=D)
    assert set(info.value.fields) == {"name", "phone", "industry", "credit_limit_minor", "nope"}
    assert info.value.fields["name"] == "is required"
    assert "vocabulary" in info.value.fields["industry"]


@pytest.mark.parametrize("field, value, message", [
    ("amount_minor", "100", "whole number"),
    ("amount_minor", 1.5, "whole number"),
    ("amount_minor", True, "whole number"),
    ("expected_close", "2026-02-30", "date"),
    ("name", 12, "text"),
    ("name", "x" * 201, "longer than 200"),
])
def test_wrong_types_are_refused(field, value, message):
    record = {"customer_id": "c", "name": "Deal", "stage": "prospecting", field: value}
    with pytest.raises(ValidationError) as info:
        validate_record("deal", record, dictionary=D)
    assert message in info.value.fields[field]


def test_format_rules_apply_only_to_changed_fields_so_legacy_values_do_not_block_edits():
    legacy = {"name": "旧数据公司", "phone": "12345"}  # left by an old import
    out = validate_record("customer", {**legacy, "notes": "新备注"}, dictionary=D, changed=["notes"])
    assert out["phone"] == "12345"
    with pytest.raises(ValidationError):
        validate_record("customer", legacy, dictionary=D, changed=["phone"])


@pytest.mark.parametrize("stage, needed", [
    ("prospecting", set()),
    ("qualification", set()),
    ("proposal", {"amount_minor", "expected_close"}),
    ("negotiation", {"amount_minor", "expected_close"}),
    ("won", {"amount_minor", "expected_close", "closed_on"}),
    ("lost", {"closed_on", "lost_reason"}),
])
def test_each_deal_stage_requires_its_fields(stage, needed):
    base = {"customer_id": "c", "name": "Deal", "stage": stage}
    if needed:
        with pytest.raises(ValidationError) as info:
            validate_record("deal", base, dictionary=D)
        assert set(info.value.fields) == needed
    full = {**base, "amount_minor": 100, "expected_close": "2027-01-01", "closed_on": "2026-11-01",
            "lost_reason": "price" if stage == "lost" else None}
    validate_record("deal", full, dictionary=D)


def test_a_lead_needs_a_company_or_a_contact_and_a_reason_to_be_disqualified():
    with pytest.raises(ValidationError):
        validate_record("lead", {"source": "website"}, dictionary=D)
    validate_record("lead", {"contact_name": "李四"}, dictionary=D)
    with pytest.raises(ValidationError) as info:
        validate_record("lead", {"contact_name": "李四", "status": "disqualified"}, dictionary=D)
    assert "disqualify_reason" in info.value.fields


def test_vocabularies_come_from_the_dictionary_so_an_admin_can_extend_them():
    custom = Dictionary.from_entries(list(D.entries) + [
        {"vocabulary": "industry", "code": "aerospace", "label_en": "Aerospace", "label_zh": "航空航天",
         "value": None, "sort_order": 99, "active": True}])
    validate_record("customer", {"name": "x", "industry": "aerospace"}, dictionary=custom)
    with pytest.raises(ValidationError):
        validate_record("customer", {"name": "x", "industry": "aerospace"}, dictionary=D)


def test_required_fields_on_create_are_exactly_the_protocols():
    required = {e: {n for n, f in entity_spec(e).fields.items() if f.required}
                for e in ("customer", "contact", "deal", "activity", "invoice", "payment", "lead")}
    assert required == {
        "customer": {"name"}, "contact": {"name", "customer_id"}, "deal": {"customer_id", "name", "stage"},
        "activity": {"kind", "subject"}, "invoice": {"customer_id", "total_minor", "currency"},
        "payment": {"customer_id", "amount_minor", "currency"}, "lead": set(),
    }


def test_the_published_dictionary_describes_fields_and_vocabularies():
    doc = describe(D)
    customer = doc["entities"]["customer"]["fields"]
    assert customer["name"] == {"type": "string", "required": True, "max_length": 200}
    assert customer["industry"]["vocab"] == "industry"
    assert customer["credit_limit_minor"]["roles"] == ["finance", "admin"]
    assert doc["entities"]["deal"]["fields"]["stage"]["choices"][0] == "prospecting"
    codes = [v["code"] for v in doc["vocabularies"]["lost_reason"]]
    assert "price" in codes
    assert {"won": 100, "lost": 0}.items() <= {v["code"]: v["value"] for v in doc["vocabularies"]["stage_probability"]}.items()
