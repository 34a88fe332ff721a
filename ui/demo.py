"""`main.py demo`: prepare the demo server, sign in as one of the demo users on a fresh
profile, sync, and open the main window. The preparation (about a minute the first
time, a few seconds afterwards) runs off the GUI thread behind a progress window.

ui/ never imports the server: main.py hands in `prepare(say) -> server` (an object
with `url` and `stop()`), and the demo users' password.
"""
from __future__ import annotations

import logging
import shutil
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout

log = logging.getLogger(__name__)
DEMO_USERS = ("rep1", "rep2", "manager", "finance", "admin")


class _Relay(QObject):
    said = Signal(str)
    done = Signal(object, object)  # (store, server) or None, error or None


class PreparingDialog(QDialog):
    """A small window that says what the demo is doing while it gets ready."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Demo", "LTC Desk demo"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        title = QLabel(QCoreApplication.translate("Demo", "Preparing the demo…"), self)
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        bar = QProgressBar(self)
        bar.setRange(0, 0)
        for w in (title, self.message, bar):
            layout.addWidget(w)

    def say(self, text: str) -> None:
        self.message.setText(text)


def prepare_profile(prepare, user: str, password: str, say):
    """Off the GUI thread: start the demo server, make a fresh profile for `user`,
    sign in and run the first sync. Returns (store, engine, server)."""
    from app.paths import data_root
    from app.store import Store
    from sync.engine import SyncEngine

    server = prepare(say)
    folder = data_root() / "profiles" / f"demo-{user}"
    shutil.rmtree(folder, ignore_errors=True)  # every demo starts from the server's data
    store = Store.open(folder)
    engine = SyncEngine(store, device_name=f"demo ({user})")
    say(_signing_in(user))
    engine.login(server.url, user, password)
    engine.sync(lambda p: p.phase == "pull" and say(_receiving(p.records)))
    return store, engine, server


def _signing_in(user: str) -> str:
    return QCoreApplication.translate("Demo", "Signing in as %1…").replace("%1", user)


def _receiving(records: int) -> str:
    text = QCoreApplication.translate("Demo", "Receiving the demo data: %1 records")
    return text.replace("%1", f"{records:,}")


def run_demo(prepare, user: str, password: str) -> int:
    """The demo's whole life: prepare, open the window, and stop the server at exit."""
    from ui.app import application, open_window, prepare_client, setup_logging
    from ui.sync_adapter import EngineSyncAdapter

    log_path = setup_logging()
    app = application()
    reporter = prepare_client(app, log_path)
    dialog = PreparingDialog()
    relay = _Relay()
    relay.said.connect(dialog.say)
    outcome: dict = {}

    def finished(result, error):
        outcome.update(result=result, error=error)
        dialog.accept() if error is None else dialog.reject()

    relay.done.connect(finished)

    def work():
        try:
            relay.done.emit(prepare_profile(prepare, user, password, relay.said.emit), None)
        except Exception as exc:  # reported below, never lost
            log.exception("the demo could not start")
            relay.done.emit(None, exc)

    threading.Thread(target=work, name="demo-prepare", daemon=True).start()
    dialog.exec()
    if outcome.get("error") is not None or "result" not in outcome:
        from PySide6.QtWidgets import QMessageBox

        error = outcome.get("error")
        reason = QCoreApplication.translate("Demo", "The demo could not start: %1")
        QMessageBox.critical(None, QCoreApplication.translate("Demo", "LTC Desk demo"),
                             reason.replace("%1", str(error or "cancelled")))
        reporter.uninstall()
        return 1
    store, engine, server = outcome["result"]
    try:
        sync = EngineSyncAdapter(engine)
        window = open_window(store, sync=sync)
        suffix = QCoreApplication.translate("Demo", "demo as %1").replace("%1", user)
        window.setWindowTitle(f"{window.windowTitle()} — {suffix}")
        sync.attach(window.ws.events)
        window.restore()
        window.show()
        sync.start()
        code = app.exec()
        sync.stop()
        window.ws.ops.wait()
        engine.logout()
        return code
    finally:
        store.close()
        server.stop()
        reporter.uninstall()
