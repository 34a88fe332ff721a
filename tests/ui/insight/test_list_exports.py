"""Exporting lists: CSV and XLSX through the shared writer (formula-like text escaped),
customers and contacts as vCard, activities and tasks as iCalendar, from the lists, the
customer 360 and the File menu."""
from __future__ import annotations

import csv

import icalendar
import vobject
from openpyxl import load_workbook

from app.queries import customers as customer_queries
from app.queries import export
from app.services import activities as activity_services
from app.services import customers as customer_services
from tests.ui.conftest import settle

EVIL = "=HYPERLINK(\"http://evil.example\",\"点我\")"


def fill(store) -> dict:
    c = store.run(customer_services.create_customer, {"name": EVIL, "phone": "13800138000",
                                                      "credit_limit_minor": 123_456}, allow_duplicate=True)
    other = store.run(customer_services.create_customer, {"name": "普通客户有限公司"})
    p = store.run(customer_services.create_contact, {"customer_id": c["id"], "name": "王五", "phone": "13900139000"})
    store.run(customer_services.create_contact, {"customer_id": other["id"], "name": "赵六"})
    t = store.run(activity_services.create_task, "回访", "2026-12-01T02:00:00Z", customer_id=c["id"])
    store.run(activity_services.log_activity, "visit", "拜访", customer_id=other["id"], done_at="2026-11-20T06:00:00Z")
    return {"customer": c["id"], "other": other["id"], "contact": p["id"], "task": t["id"]}


def started(page, ws, qtbot):
    page.show()
    page.start()
    settle(qtbot, ws)
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0)
    settle(qtbot, ws)


def test_list_rows_export_to_xlsx_and_csv_with_formulas_escaped(store, ws, qtbot, tmp_path):
    from ui.customers.page import CustomersPage

    fill(store)
    page = CustomersPage(ws)
    qtbot.addWidget(page)
    started(page, ws, qtbot)
    assert list(page.list.export_actions) == ["csv", "xlsx", "vcard"]
    for name in ("out.xlsx", "out.csv"):
        page.list.export_selection(str(tmp_path / name))
        settle(qtbot, ws)
    sheet = load_workbook(tmp_path / "out.xlsx").active
    header = [c.value for c in sheet[1]]
    assert "Name" in header and "Phone" in header
    cells = {row[header.index("Name")].value: row for row in sheet.iter_rows(min_row=2)}
    evil = cells[EVIL][header.index("Name")]
    assert evil.value == EVIL and evil.data_type == "s" and evil.quotePrefix  # text, never a formula
    with open(tmp_path / "out.csv", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert ["'" + EVIL] == [r[rows[0].index("Name")] for r in rows[1:] if "HYPERLINK" in r[rows[0].index("Name")]]


def test_the_list_export_query_writes_money_as_numbers_in_xlsx(store, tmp_path):
    ids = fill(store)
    with store.read() as s:
        n = export.export_rows(s, customer_queries.LIST, [ids["customer"]], tmp_path / "c.xlsx",
                               columns=["name", "credit_limit"])
    assert n == 1
    sheet = load_workbook(tmp_path / "c.xlsx").active
    assert [c.value for c in sheet[1]] == ["Name", "Credit limit", "Currency"]
    assert [c.value for c in sheet[2]] == [EVIL, 1234.56, "CNY"]


def test_contacts_export_the_selected_cards_and_activities_a_calendar(store, ws, qtbot, tmp_path):
    from ui.activities.page import ActivitiesPage
    from ui.contacts.page import ContactsPage

    ids = fill(store)
    contacts = ContactsPage(ws)
    qtbot.addWidget(contacts)
    started(contacts, ws, qtbot)
    row = next(r for r in range(contacts.list.model.rowCount()) if contacts.list.model.record_id(r) == ids["contact"])
    contacts.list.table.selectRow(row)
    contacts.list.export_selection(str(tmp_path / "contacts.vcf"))
    settle(qtbot, ws)
    [card] = list(vobject.readComponents((tmp_path / "contacts.vcf").read_text(encoding="utf-8")))
    assert card.fn.value == "王五" and card.org.value == [EVIL]

    activities = ActivitiesPage(ws)
    qtbot.addWidget(activities)
    started(activities, ws, qtbot)
    assert "ical" in activities.list.export_actions
    activities.list.export_selection(str(tmp_path / "all.ics"))
    settle(qtbot, ws)
    calendar = icalendar.Calendar.from_ical((tmp_path / "all.ics").read_bytes())
    summaries = sorted(str(c["SUMMARY"]) for c in calendar.walk() if c.name in ("VEVENT", "VTODO"))
    assert summaries == [f"回访 ({EVIL})", "拜访 (普通客户有限公司)"]


def test_the_customer_360_exports_its_card_and_its_calendar(store, ws, qtbot, tmp_path):
    from ui.customers.view360 import Customer360

    ids = fill(store)
    view = Customer360(ws, ids["customer"])
    qtbot.addWidget(view)
    settle(qtbot, ws)
    view.export_button.export("vcard", str(tmp_path / "c.vcf"))
    view.export_button.export("ical", str(tmp_path / "c.ics"))
    settle(qtbot, ws)
    cards = list(vobject.readComponents((tmp_path / "c.vcf").read_text(encoding="utf-8")))
    assert sorted(c.fn.value for c in cards) == sorted([EVIL, "王五"])
    calendar = icalendar.Calendar.from_ical((tmp_path / "c.ics").read_bytes())
    assert [str(c["SUMMARY"]) for c in calendar.walk() if c.name in ("VEVENT", "VTODO")] == [f"回访 ({EVIL})"]


def test_the_file_menu_exports_the_list_on_screen(store, ws, qtbot, tmp_path):
    from ui.imports.menu import current_list, export_current
    from ui.main_window import MainWindow

    fill(store)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    window.show_view("contacts")
    settle(qtbot, ws)
    qtbot.waitUntil(lambda: window.contacts.list.model.rowCount() == 2)
    assert current_list(window) is window.contacts.list
    export_menu = window.interchange_actions["export_menu"].menu()
    export_menu.aboutToShow.emit()
    assert window.interchange_actions["export_vcard"].isEnabled()
    assert not window.interchange_actions["export_ical"].isEnabled()
    export_current(window, "xlsx", str(tmp_path / "contacts.xlsx"))
    settle(qtbot, ws)
    sheet = load_workbook(tmp_path / "contacts.xlsx").active
    assert sheet.max_row == 3
    window.show_view("reports")
    settle(qtbot, ws)
    assert current_list(window) is None
    export_menu.aboutToShow.emit()
    assert not window.interchange_actions["export_csv"].isEnabled()
    ws.ops.wait()


def test_a_whole_big_list_exports_to_cards_and_a_calendar(store, tmp_path):
    """A list of 40,000 ids is more than SQLite takes as parameters at once where it is
    built with its default limit (32,766; this machine's allows more, so the test sets it)."""
    import sqlite3
    import uuid

    from app.exports.ical import export_calendar
    from app.exports.vcard import export_vcards

    ids = fill(store)
    many = [str(uuid.uuid4()) for _ in range(40_000)]
    with store.read() as s:
        s.connection().connection.driver_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)
        assert export_vcards(s, tmp_path / "c.vcf", customer_ids=many + [ids["other"]]) == 2  # and its contact
        assert export_vcards(s, tmp_path / "p.vcf", contact_ids=many + [ids["contact"]]) == 1
        result = export_calendar(s, tmp_path / "a.ics", ids=many + [ids["task"]])
    assert (result.todos, result.events) == (1, 0)
