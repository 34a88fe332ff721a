"""The data-quality view's checks (each count opens exactly the records it counts) and
the possible matches shown while a new customer, contact or lead is typed, offline."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from app import clock
from app.queries import listing, matches, merges, quality
from app.services import activities, customers, deals, leads


def raw(store, sql: str, **params) -> None:
    """What an older version or an import left behind, written past the rules."""
    with store.write() as s:
        s.execute(text(sql), params)


def listed(store, check) -> set[str]:
    with store.read() as s:
        return set(listing.list_ids(s, check.spec, params=listing.filter_params(store.actor().id)))


def test_each_quality_check_counts_exactly_the_records_it_lists(store):
    me = store.actor().id
    good = store.run(customers.create_customer, {"name": "规范客户", "phone": "13800138000",
                                                 "email": "ok@example.com"})
    bad_phone = store.run(customers.create_customer, {"name": "电话不规范", "phone": "13900139000"})
    raw(store, "UPDATE customers SET phone = '010-1234 5678' WHERE id = :id", id=bad_phone["id"])
    contact = store.run(customers.create_contact, {"name": "邮件不规范", "customer_id": good["id"]})
    raw(store, "UPDATE contacts SET email = 'Wang@@Example' WHERE id = :id", id=contact["id"])
    lead = store.run(leads.create_lead, {"company_name": "线索公司", "phone": "13700137000"})
    raw(store, "UPDATE leads SET phone = '12345' WHERE id = :id", id=lead["id"])
    proposal = store.run(deals.create_deal, {"customer_id": good["id"], "name": "缺金额", "stage": "proposal",
                                             "amount_minor": 100_00, "expected_close": "2030-01-01"})
    raw(store, "UPDATE deals SET amount_minor = NULL WHERE id = :id", id=proposal["id"])
    old = clock.format_datetime(clock.now() - dt.timedelta(days=45))
    stale = store.run(deals.create_deal, {"customer_id": good["id"], "name": "久无跟进", "stage": "prospecting"})
    worked = store.run(deals.create_deal, {"customer_id": good["id"], "name": "刚拜访", "stage": "qualification"})
    raw(store, "UPDATE deals SET created_at = :old WHERE id IN (:a, :b)", old=old, a=stale["id"], b=worked["id"])
    store.run(activities.log_activity, "visit", "上门拜访", deal_id=worked["id"], customer_id=good["id"],
              done_at=clock.now_iso())
    orphan = store.run(customers.create_customer, {"name": "无人负责"})
    raw(store, "UPDATE customers SET owner_id = NULL WHERE id = :id", id=orphan["id"])
    twin = store.run(customers.create_customer, {"name": "另一家公司", "phone": "13800138000"}, allow_duplicate=True)
    expected = {"deal_stage": {proposal["id"]}, "stale_deals": {stale["id"]},
                "customer_contact_data": {bad_phone["id"]}, "contact_contact_data": {contact["id"]},
                "lead_contact_data": {lead["id"]}, "no_owner": {orphan["id"]}, "duplicates": {good["id"], twin["id"]}}
    with store.read() as s:
        counts = quality.counts(s, listing.filter_params(me))
    assert counts == {key: len(ids) for key, ids in expected.items()}
    for check in quality.checks():
        assert listed(store, check) == expected[check.key], check.key
    with store.read() as s:
        row = listing.fetch_rows(s, quality.checks()[0].spec, [proposal["id"]])[proposal["id"]]
    assert row[-1] == "amount_minor"


def test_a_customer_being_typed_is_matched_by_phone_credit_code_and_name_also_in_pinyin(store):
    huawei = store.run(customers.create_customer, {"name": "华为技术有限公司", "phone": "13800138000",
                                                   "credit_code": "914403001922038216"})
    store.run(customers.create_customer, {"name": "Tencent Holdings"})

    def found(entity, **candidate):
        with store.read() as s:
            return [(m["id"], m["reasons"]) for m in matches.possible_duplicates(s, entity, candidate)]

    assert found("customer", name="华为技术") == [(huawei["id"], ["name"])]
    assert found("customer", name="Huawei Jishu") == [(huawei["id"], ["name"])]
    assert found("customer", name="新公司", phone="138 0013 8000") == [(huawei["id"], ["phone"])]
    assert found("customer", name="x", credit_code="914403001922038216") == [(huawei["id"], ["credit_code"])]
    assert found("customer", name="完全不同的名字", phone="1380013") == []  # half a phone is not compared yet
    # A lead is compared with customers too: it may be one already.
    with store.read() as s:
        [m] = matches.possible_duplicates(s, "lead", {"company_name": "华为技术"})
    assert (m["entity"], m["id"]) == ("customer", huawei["id"])
    # Editing the record itself does not match it.
    with store.read() as s:
        assert matches.possible_duplicates(s, "customer", {"name": "华为技术"}, exclude_id=huawei["id"]) == []


def test_a_contacts_namesake_elsewhere_is_not_a_match_but_a_shared_email_is(store):
    a = store.run(customers.create_customer, {"name": "甲公司"})
    b = store.run(customers.create_customer, {"name": "乙公司"})
    wang = store.run(customers.create_contact, {"name": "王伟", "customer_id": a["id"], "email": "wang@jia.cn"})
    with store.read() as s:
        assert matches.possible_duplicates(s, "contact", {"name": "王伟", "customer_id": b["id"]}) == []
        same = matches.possible_duplicates(s, "contact", {"name": "王伟", "customer_id": a["id"]})
        mail = matches.possible_duplicates(s, "contact", {"name": "W", "email": "WANG@jia.cn",
                                                          "customer_id": b["id"]})
    assert [m["id"] for m in same] == [wang["id"]] and [m["reasons"] for m in mail] == [["email"]]


def test_the_merge_preview_lists_both_records_and_what_hangs_off_each(store):
    a = store.run(customers.create_customer, {"name": "合并甲", "phone": "13800138000"})
    b = store.run(customers.create_customer, {"name": "合并乙"}, allow_duplicate=True)
    store.run(customers.create_contact, {"name": "张三", "customer_id": b["id"]})
    store.run(deals.create_deal, {"customer_id": b["id"], "name": "项目", "stage": "prospecting"})
    with store.read() as s:
        preview = merges.merge_preview(s, "customer", a["id"], b["id"])
    assert preview["records"][a["id"]]["phone"] == "+8613800138000"
    assert "status" in preview["fields"] and "id" not in preview["fields"] and "version" not in preview["fields"]
    assert preview["children"][a["id"]] == []
    assert {(c["entity"], c["field"], c["count"]) for c in preview["children"][b["id"]]} == \
        {("contact", "customer_id", 1), ("deal", "customer_id", 1)}
