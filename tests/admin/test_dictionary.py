"""Editing the data dictionary: admins only, codes unique per vocabulary and never
renamed or deleted (deactivated instead), named numbers within their bounds; the edit
syncs to every client and both ends validate with it; exportable as CSV and Markdown."""
from __future__ import annotations

import csv
import io

import pytest

from app.errors import PermissionDenied, ValidationError
from app.exports import dictionary as dictionary_export
from app.rules.dictionary import entry_id
from app.services import customers, deals
from app.services import dictionary as dictionary_service
from tests.conftest import as_role


def entry(store, vocabulary, code):
    return store.run(lambda uow: uow.get("dictionary_entry", entry_id(vocabulary, code)))


def test_an_admin_adds_a_code_that_records_may_then_use(store):
    added = store.run(dictionary_service.add_entry, {"vocabulary": "industry", "code": "aerospace",
                                                     "label_en": "Aerospace", "label_zh": "航空航天"})
    assert added["id"] == entry_id("industry", "aerospace")
    assert "aerospace" in store.dictionary().codes("industry")
    c = store.run(customers.create_customer, {"name": "中国商飞", "industry": "aerospace"})
    assert c["industry"] == "aerospace"


@pytest.mark.parametrize("values,field", [
    ({"vocabulary": "industry", "code": "retail", "label_en": "Retail again"}, "code"),
    ({"vocabulary": "industry", "code": "Bad Code", "label_en": "x"}, "code"),
    ({"vocabulary": "industry", "code": "nolabel"}, "label_en"),
    ({"vocabulary": "stage_probability", "code": "demo", "label_en": "Demo", "value": 30}, "vocabulary"),
])
def test_a_bad_new_code_is_refused_and_nothing_changes(store, values, field):
    before = store.dictionary().entries
    with pytest.raises(ValidationError) as caught:
        store.run(dictionary_service.add_entry, values)
    assert field in caught.value.fields
    assert store.dictionary().entries == before


def test_only_an_admin_edits_the_dictionary(store):
    as_role(store, "manager")
    with pytest.raises(PermissionDenied):
        store.run(dictionary_service.add_entry, {"vocabulary": "industry", "code": "mining", "label_en": "Mining"})
    with pytest.raises(PermissionDenied):
        store.run(dictionary_service.update_entry, entry_id("industry", "retail"), {"label_zh": "零售业"})


@pytest.mark.parametrize("vocabulary,code,value,ok", [
    ("stage_probability", "proposal", 60, True), ("stage_probability", "proposal", 101, False),
    ("stage_probability", "proposal", -1, False), ("approval_threshold", "quote_discount_bp", 0, True),
    ("approval_threshold", "quote_discount_bp", -5, False), ("handoff_target_hours", "invoicing", 0, False),
    ("handoff_target_hours", "invoicing", 8, True), ("stage_probability", "proposal", None, False),
])
def test_named_numbers_stay_within_their_bounds(store, vocabulary, code, value, ok):
    rid = entry_id(vocabulary, code)
    if ok:
        assert store.run(dictionary_service.update_entry, rid, {"value": value})["value"] == value
        assert store.dictionary().number(vocabulary, code) == value
    else:
        with pytest.raises(ValidationError) as caught:
            store.run(dictionary_service.update_entry, rid, {"value": value})
        assert "value" in caught.value.fields


def test_a_new_stage_probability_is_what_a_new_deal_gets(store):
    store.run(dictionary_service.update_entry, entry_id("stage_probability", "prospecting"), {"value": 15})
    c = store.run(customers.create_customer, {"name": "概率测试公司"})
    d = store.run(deals.create_deal, {"customer_id": c["id"], "name": "试点", "stage": "prospecting"})
    assert d["probability"] == 15


def test_codes_are_never_renamed_and_removing_one_in_use_deactivates_it(store):
    c = store.run(customers.create_customer, {"name": "零售客户", "industry": "retail"})
    with pytest.raises(ValidationError) as caught:
        store.run(dictionary_service.update_entry, entry_id("industry", "retail"), {"code": "shops"})
    assert "code" in caught.value.fields
    result = store.run(dictionary_service.deactivate_entry, entry_id("industry", "retail"))
    assert result["in_use"] == {"customer": 1} and result["entry"]["active"] is False
    assert "retail" not in store.dictionary().codes("industry")
    # The record that holds it stays editable; a new one may not take the code.
    store.run(customers.update_customer, c["id"], {"notes": "仍可编辑"})
    with pytest.raises(ValidationError):
        store.run(customers.create_customer, {"name": "新零售客户", "industry": "retail"})
    with pytest.raises(ValidationError):
        store.run(dictionary_service.deactivate_entry, entry_id("stage_probability", "won"))
    # Adding it again brings it back.
    store.run(dictionary_service.add_entry, {"vocabulary": "industry", "code": "retail", "label_en": "Retail"})
    assert entry(store, "industry", "retail")["active"] is True


def test_the_dictionary_exports_as_csv_and_markdown(store, tmp_path):
    store.run(dictionary_service.add_entry, {"vocabulary": "lead_source", "code": "wechat",
                                             "label_en": "WeChat", "label_zh": "微信"})
    csv_path = dictionary_export.export(store.dictionary(), tmp_path / "dictionary.csv")
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    wechat = [r for r in rows if (r["vocabulary"], r["code"]) == ("lead_source", "wechat")]
    assert wechat == [{"vocabulary": "lead_source", "code": "wechat", "label_en": "WeChat", "label_zh": "微信",
                       "value": "", "active": "true", "sort_order": wechat[0]["sort_order"]}]
    assert [r["value"] for r in rows if (r["vocabulary"], r["code"]) == ("stage_probability", "won")] == ["100"]
    md = dictionary_export.export(store.dictionary(), tmp_path / "dictionary.md").read_text(encoding="utf-8")
    assert "| `wechat` | WeChat | 微信 | yes |" in md
    assert "### `customer`" in md and "| `credit_code` | string |" in md
    assert "a code of `industry`" in md and "Named numbers: value 0 to 100." in md
