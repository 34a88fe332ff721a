"""Exports, read back with established parsers: vobject for vCard, icalendar for
iCalendar, csv and openpyxl for tables."""
from __future__ import annotations

import csv
import datetime as dt

import icalendar
import pytest
import vobject
from openpyxl import load_workbook

from app.exports.ical import export_calendar
from app.exports.records import export_records
from app.exports.tables import write_csv, write_xlsx
from app.exports.vcard import export_vcards
from app.imports import ImportSource, run_import
from app.services import activities, customers


@pytest.fixture
def party(store):
    with store.unit() as uow:
        c = customers.create_customer(uow, {
            "name": "华为技术有限公司", "phone": "0755-28780808", "email": "Sales@Huawei.com",
            "address": "深圳市龙岗区坂田华为基地", "industry": "telecommunications", "notes": "重点客户; 年框",
            "credit_limit_minor": 123_456_78})
        p = customers.create_contact(uow, {"customer_id": c["id"], "name": "张伟", "title": "采购经理",
                                           "phone": "13800138000", "email": "zhangwei@huawei.com",
                                           "is_primary": True})
        visit = activities.log_activity(uow, "visit", "现场演示", customer_id=c["id"],
                                        due_at="2026-12-01T02:00:00Z", done_at=None)
        task = activities.create_task(uow, "准备报价", "2026-12-03T09:00:00Z", customer_id=c["id"])
        note = uow.create("activity", {"kind": "note", "subject": "无时间的备注", "customer_id": c["id"]})
    return {"customer": c, "contact": p, "visit": visit, "task": task, "note": note}


def test_customers_and_contacts_export_as_vcard_4_that_vobject_reads(store, party, tmp_path):
    path = tmp_path / "cards.vcf"
    with store.read() as s:
        assert export_vcards(s, path, dictionary=store.dictionary()) == 2
    org, person = list(vobject.readComponents(path.read_text(encoding="utf-8")))
    assert org.version.value == "4.0" and org.kind.value == "org"
    assert org.fn.value == "华为技术有限公司" and org.org.value == ["华为技术有限公司"]
    assert org.uid.value == f"urn:uuid:{party['customer']['id']}"
    assert org.tel.value == "tel:+8675528780808" and org.tel.params["VALUE"] == ["uri"]
    assert org.email.value == "sales@huawei.com"
    assert org.adr.value.street == "深圳市龙岗区坂田华为基地"
    assert org.note.value == "重点客户; 年框" and org.categories.value == ["Telecommunications"]
    assert (person.kind.value, person.fn.value, person.title.value) == ("individual", "张伟", "采购经理")
    assert person.org.value == ["华为技术有限公司"] and person.tel.value == "tel:+8613800138000"
    assert person.related.value == f"urn:uuid:{party['customer']['id']}"


def test_activities_export_as_icalendar_events_and_todos_that_icalendar_reads(store, party, tmp_path):
    path = tmp_path / "visits.ics"
    with store.read() as s:
        done = export_calendar(s, path)
    assert (done.events, done.todos, done.skipped) == (1, 1, 1)  # the note has no time
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(cal["version"]) == "2.0"
    [event] = cal.walk("VEVENT")
    assert str(event["summary"]) == "现场演示 (华为技术有限公司)"
    assert event.decoded("dtstart") == dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.timezone.utc)
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(hours=1)
    assert str(event["location"]) == "深圳市龙岗区坂田华为基地"
    assert str(event["uid"]) == f"{party['visit']['id']}@ltc-desk"
    [todo] = cal.walk("VTODO")
    assert str(todo["status"]) == "NEEDS-ACTION"
    assert todo.decoded("due") == dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.timezone.utc)


def test_a_record_list_exports_to_csv_and_imports_back_unchanged(store, party, tmp_path):
    path = tmp_path / "customers.csv"
    with store.read() as s:
        assert export_records(s, "customer", path) == 1
    rows = list(csv.DictReader(open(path, encoding="utf-8-sig")))
    assert rows[0]["credit_limit"] == "123456.78" and rows[0]["phone"] == "'+8675528780808"
    before = _customers(store)
    # Edited in a spreadsheet: the file's ids find the records to update.
    rows[0]["notes"] = "改过的备注"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    result = run_import(store, ImportSource.for_file("customer", path))
    assert result.status == "committed", result.message
    assert result.steps[0]["plan"]["update"] == 1
    after = _customers(store)
    assert [{**c, "notes": None, "updated_at": None} for c in after] == \
        [{**c, "notes": None, "updated_at": None} for c in before]
    assert after[0]["notes"] == "改过的备注" and after[0]["credit_limit_minor"] == 123_456_78


def test_xlsx_export_keeps_types_and_never_writes_a_formula(tmp_path):
    path = tmp_path / "list.xlsx"
    write_xlsx(path, ["name", "amount", "on"], [["=HYPERLINK(\"http://x\")", 12.5, dt.date(2026, 1, 2)],
                                                ["-3.5", -3, None], ["正常", 0, None]])
    sheet = load_workbook(path).active
    evil = sheet["A2"]
    assert evil.value == "=HYPERLINK(\"http://x\")" and evil.data_type == "s" and evil.quotePrefix
    assert sheet["B2"].value == 12.5 and sheet["C2"].value == dt.datetime(2026, 1, 2)
    assert sheet["A3"].value == "-3.5" and not sheet["A3"].quotePrefix


def test_csv_escapes_every_formula_prefix_but_leaves_negative_numbers(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(path, ["v"], [["=1+1"], ["+1"], ["-1"], ["-1+1"], ["@x"], ["\tx"], ["plain"], [None]])
    values = [r[0] for r in csv.reader(open(path, encoding="utf-8-sig"))][1:]
    assert values == ["'=1+1", "'+1", "-1", "'-1+1", "'@x", "'\tx", "plain", ""]


def _customers(store):
    with store.unit() as uow:
        return uow.select("customer")
