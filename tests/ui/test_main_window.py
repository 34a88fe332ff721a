"""The main window: title, navigation with coming entries, restored view, Ctrl+K, reminders."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app import clock
from app.services import activities, customers
from tests.ui.conftest import settle


def make_window(ws, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(ws)
    qtbot.addWidget(window)
    return window


def test_window_title_navigation_and_what_is_coming(store, ws, qtbot):
    window = make_window(ws, qtbot)
    window.restore()
    window.show()
    settle(qtbot, ws)
    assert "LTC Desk" in window.windowTitle()
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    for name in ("Dashboard", "Leads", "Customers", "Contacts", "Deals", "Pipeline board", "Activities and tasks"):
        assert name in labels
    assert "Conflicts" in labels
    # The cash side is there for real: an inbox, quotes, orders, invoices and payments.
    for key, name in (("inbox", "Inbox"), ("quotes", "Quotes"), ("orders", "Orders"),
                      ("invoices", "Invoices and payments")):
        assert name in labels
        window.show_view(key)
        assert window.stack.currentWidget() is window.pages[key] is getattr(window, key)


def test_the_last_view_and_size_are_restored(store, ws, qtbot):
    window = make_window(ws, qtbot)
    window.restore()
    window.show()
    window.resize(780, 520)
    window.show_view("customers")
    settle(qtbot, ws)
    size = window.size()
    assert size != make_window(ws, qtbot).size()  # not simply the default
    window.close()
    again = make_window(ws, qtbot)
    again.restore()
    settle(qtbot, ws)
    assert again.current_view == "customers"
    assert again.size() == size


def test_ctrl_k_opens_search_and_a_hit_opens_the_customer_360(store, ws, qtbot):
    c = store.run(customers.create_customer, {"name": "快捷键公司"})
    window = make_window(ws, qtbot)
    window.restore()
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    # Through the window, as the platform delivers keys, so the shortcut map sees it.
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.isVisible()
    with qtbot.waitSignal(window.search.sig_results, timeout=5000):
        window.search.box.setText("快捷键")
    window.search.box.returnPressed.emit()
    settle(qtbot, ws)
    assert window.detail is not None and window.detail.customer_id == c["id"]
    assert window.detail.title.text() == "快捷键公司"


def test_a_task_falling_due_while_the_app_runs_raises_a_reminder(store, ws, qtbot):
    from ui.activities.reminders import Reminders

    reminders = Reminders(ws, interval_ms=60_000)
    reminders.last = clock.format_datetime(clock.now() - dt.timedelta(minutes=5))
    store.run(activities.create_task, "给客户回电", clock.now() - dt.timedelta(minutes=1))
    store.run(activities.create_task, "明天的任务", clock.now() + dt.timedelta(days=1))
    with qtbot.waitSignal(reminders.sig_due, timeout=5000) as blocker:
        reminders.check()
    assert [t["subject"] for t in blocker.args[0]] == ["给客户回电"]
    settle(qtbot, ws)


def test_on_first_start_the_window_fits_a_small_screen(store, ws, qtbot):
    """The default size is larger than this test screen (800x800): a 1366x768 laptop
    must still see the status bar."""
    window = make_window(ws, qtbot)
    area = window.screen().availableGeometry()
    assert window.height() > area.height() or window.width() > area.width()
    window.restore()
    window.show()
    assert window.width() <= area.width() and window.height() <= area.height()
    assert window.statusBar().geometry().bottom() <= area.height()
