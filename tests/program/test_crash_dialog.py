"""Uncaught errors: logged with their traceback, then a dialog that says where the log is."""
from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from app import logs
from ui.crash import CrashReporter


@pytest.fixture
def shown(monkeypatch):
    """Dialogs the reporter would have opened (the modal exec is replaced)."""
    boxes = []

    def fake_exec(box):
        boxes.append({"title": box.windowTitle(), "text": box.text(), "info": box.informativeText(),
                      "details": box.detailedText(), "buttons": [b.text() for b in box.buttons()]})
        return int(QMessageBox.StandardButton.Close)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return boxes


@pytest.fixture
def reporter(tmp_path, qapp, root_logging):
    path = logs.setup_logging("client", folder=tmp_path, console_level=None)
    crash = CrashReporter(path)
    crash.install()
    yield crash
    crash.uninstall()


def _boom():
    raise ValueError("the ledger does not balance")


def test_an_uncaught_error_is_logged_and_the_dialog_says_where_the_log_is(reporter, shown, qtbot):
    try:
        _boom()
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1
    box = shown[0]
    assert "the ledger does not balance" in box["text"]
    assert str(reporter.log_path) in box["info"]
    assert "_boom" in box["details"] and "Traceback" in box["details"]
    assert any("log folder" in b for b in box["buttons"])
    text = reporter.log_path.read_text(encoding="utf-8")
    assert "CRITICAL" in text and "ValueError: the ledger does not balance" in text and "_boom" in text


def test_an_error_in_another_thread_opens_the_dialog_on_the_gui_thread(reporter, shown, qtbot, qapp):
    seen_on = []
    original = reporter.build_dialog

    def build(summary, details):
        seen_on.append(threading.current_thread() is threading.main_thread())
        return original(summary, details)

    reporter.build_dialog = build
    worker = threading.Thread(target=_boom, name="worker-1")
    worker.start()
    worker.join(5)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert seen_on == [True]
    assert "the ledger does not balance" in shown[0]["text"]
    assert "worker-1" in reporter.log_path.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_error_raised_in_a_slot_reaches_the_dialog(reporter, shown, qtbot):
    QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "ValueError" in shown[0]["text"]


def test_errors_while_a_dialog_is_open_do_not_stack_more_dialogs(reporter, qtbot, monkeypatch):
    opened = []

    def nested_exec(box):
        opened.append(box.text())
        if len(opened) == 1:
            try:
                _boom()
            except ValueError:
                sys.excepthook(*sys.exc_info())
        return int(QMessageBox.StandardButton.Close)

    monkeypatch.setattr(QMessageBox, "exec", nested_exec)
    try:
        _boom()
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert len(opened) == 1
    assert reporter.log_path.read_text(encoding="utf-8").count("CRITICAL") == 2


def test_uninstall_restores_the_previous_hooks(tmp_path, qapp):
    before = (sys.excepthook, threading.excepthook)
    crash = CrashReporter(tmp_path / "x.log")
    crash.install()
    assert sys.excepthook == crash.excepthook
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
