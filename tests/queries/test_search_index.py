"""The search index: found by name, pinyin, initials, phone, e-mail and credit code,
kept current whatever writes the rows, and never finding deleted records."""
from __future__ import annotations

import sqlite3
import uuid

import pytest

from app import migrations, search
from app.rules.standards import credit_code_check_char
from app.services import customers, deals, leads


def raw(store) -> sqlite3.Connection:
    conn = sqlite3.connect(store.path, isolation_level=None)
    return conn


def find(store, text, **kw):
    conn = raw(store)
    try:
        search.refresh(conn)
        return [(h.entity, h.title) for h in search.search(conn, text, **kw)]
    finally:
        conn.close()


def credit_code(body17: str) -> str:
    return body17 + credit_code_check_char(body17)


@pytest.fixture
def filled(store):
    acme = store.run(customers.create_customer, {"name": "北京华为技术有限公司", "phone": "13800138000",
                                                 "email": "Sales@Huawei-Example.com",
                                                 "credit_code": credit_code("91110000802100433")})
    store.run(customers.create_customer, {"name": "Acme Trading Co., Ltd.", "phone": "010-6552 9988"})
    store.run(customers.create_contact, {"customer_id": acme["id"], "name": "张三", "phone": "+86 139 1234 5678"})
    store.run(customers.create_contact, {"customer_id": acme["id"], "name": "曾小贤"})
    store.run(deals.create_deal, {"customer_id": acme["id"], "name": "机房扩容项目"})
    store.run(leads.create_lead, {"company_name": "深圳星辰科技", "contact_name": "李四"})
    return acme


@pytest.mark.parametrize("query, expected", [
    ("华为", ("customer", "北京华为技术有限公司")),         # 2 CJK characters: the short path
    ("华", ("customer", "北京华为技术有限公司")),           # 1 character
    ("华为技术", ("customer", "北京华为技术有限公司")),      # 3+: trigram
    ("huawei", ("customer", "北京华为技术有限公司")),       # full pinyin
    ("bjhw", ("customer", "北京华为技术有限公司")),         # initials, 3+
    ("ACME", ("customer", "Acme Trading Co., Ltd.")),     # Latin, case-insensitive
    ("trad", ("customer", "Acme Trading Co., Ltd.")),
    ("zs", ("contact", "张三")),                           # pinyin initials, 2 letters
    ("zhangsan", ("contact", "张三")),
    ("zxx", ("contact", "曾小贤")),                        # a polyphone read as a surname
    ("138 0013 8000", ("customer", "北京华为技术有限公司")),  # phone typed with spaces
    ("+8613800138000", ("customer", "北京华为技术有限公司")),
    ("65529988", ("customer", "Acme Trading Co., Ltd.")),
    ("010655", ("customer", "Acme Trading Co., Ltd.")),    # landline in its national form
    ("13912345678", ("contact", "张三")),
    ("huawei-example", ("customer", "北京华为技术有限公司")),  # e-mail
    ("91110000802", ("customer", "北京华为技术有限公司")),    # credit code
    ("机房扩容", ("deal", "机房扩容项目")),       # deals from 3 characters on
    ("星辰", ("lead", "深圳星辰科技")),
    ("李四", ("lead", "深圳星辰科技")),
])
def test_search_finds_records_by_chinese_and_latin_substrings(store, filled, query, expected):
    assert expected in find(store, query)


def test_a_query_matching_nothing_finds_nothing(store, filled):
    assert find(store, "不存在的名字") == []
    assert find(store, "qqqq") == []


def test_a_renamed_record_is_found_by_its_new_name_only(store, filled):
    store.run(customers.update_customer, filled["id"], {"name": "上海测试有限公司"})
    assert ("customer", "上海测试有限公司") in find(store, "上海测试")
    assert ("customer", "北京华为技术有限公司") not in find(store, "华为")


def test_a_deleted_record_is_never_found_even_before_the_index_catches_up(store):
    c = store.run(customers.create_customer, {"name": "删除测试公司"})
    assert find(store, "删除测试") == [("customer", "删除测试公司")]
    store.run(lambda uow: uow.delete("customer", c["id"]))
    conn = raw(store)
    # Not refreshed yet: the stale index entry is joined back to a deleted row.
    assert search.pending(conn) == 1
    assert search.search(conn, "删除测试") == []
    conn.close()
    assert find(store, "删除") == []


def test_rows_written_by_a_raw_connection_are_indexed_without_registering_anything(store):
    conn = raw(store)
    cid = str(uuid.uuid4())
    conn.execute("INSERT INTO customers (id, name, status, currency, created_at) VALUES (?, ?, 'active', 'CNY', "
                 "'2026-01-01T00:00:00Z')", (cid, "原始写入测试公司"))
    conn.execute("UPDATE customers SET name = '原始改名公司' WHERE id = ?", (cid,))
    conn.execute("UPDATE customers SET notes = 'not indexed' WHERE id = ?", (cid,))
    assert search.pending(conn) == 2  # the insert and the rename; the notes change is not queued
    conn.close()
    assert find(store, "原始改名") == [("customer", "原始改名公司")]
    conn = raw(store)
    conn.execute("DELETE FROM customers WHERE id = ?", (cid,))
    conn.close()
    assert find(store, "原始改名") == []


def test_records_present_before_the_index_existed_are_indexed_after_the_migration(tmp_path):
    from app.store import Store

    store = Store.open(tmp_path)
    store.run(customers.create_customer, {"name": "迁移前的公司"})
    migrations.downgrade(store, "0001")
    migrations.upgrade(store)
    assert find(store, "迁移前") == [("customer", "迁移前的公司")]
    store.close()


def test_results_are_limited_per_entity_and_grouped_in_order(store):
    for i in range(12):
        store.run(customers.create_customer, {"name": f"重复名称公司{i}"}, allow_duplicate=True)
    hits = find(store, "重复名称", limit_per_entity=5)
    assert len(hits) == 5


def test_pinyin_forms_read_place_names_and_surnames():
    assert search.pinyin_forms("长沙博远") == ("changshaboyuan", "csby")
    full, initials = search.pinyin_forms("单田芳")
    assert "shantianfang" in full.split() and "stf" in initials.split()
