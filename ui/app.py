"""Starting the desktop client: the QApplication, the profile's store, the first-run
welcome and the main window."""
from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog

ORGANIZATION = "LTC Desk"
APPLICATION = "LTC Desk"
log = logging.getLogger(__name__)


def quiet_gc() -> None:
    """Keep garbage collection from stalling the GUI thread: collect the young generation
    less often, and (`settle_memory`) move what start-up built out of the full collections.
    A full collection over the libraries' tables (pinyin dictionaries, SQLAlchemy) took
    ~170 ms, which showed as a hitch while scrolling."""
    gc.set_threshold(50_000, 50, 100)


def settle_memory() -> None:
    """Freeze the objects alive now (modules, caches) so full collections skip them."""
    gc.collect()
    gc.freeze()


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), named so QSettings has one place for the client."""
    app = QApplication.instance()
    if app is None:
        quiet_gc()
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        app = QApplication(list(argv or sys.argv[:1]))
        from ui.icons import app_icon

        app.setWindowIcon(app_icon())
    return app


def setup_logging() -> Path | None:
    """The client's rotating, redacted log file in the user's log directory (app/logs.py)."""
    from app.logs import setup_logging as setup

    return setup("client")


def prepare_client(app: QApplication, log_path: Path | None):
    """What the client sets up before its first window: the crash dialog, the language
    (translators and locale) and the colour scheme. Returns the CrashReporter."""
    from ui import i18n, palette
    from ui.crash import CrashReporter

    reporter = CrashReporter(log_path, app)
    reporter.install()
    i18n.install(app)
    palette.follow_system(app)
    return reporter


def open_window(store, *, sync=None):
    """The main window on an open store (not shown yet), with its Workspace."""
    from ui.main_window import MainWindow
    from ui.workspace import Workspace

    workspace = Workspace(store, sync=sync)
    window = MainWindow(workspace)
    return window


def run_client(profile_dir: Path | str) -> int:
    """Open the client on a profile: the welcome on first run (work offline, or sign in
    to a server through the sync engine), then the main window with the engine's adapter."""
    from app.recovery import DatabaseCorrupt
    from app.store import Store
    from sync.engine import SyncEngine
    from ui.events import Events
    from ui.operations import Operations
    from ui.sync_adapter import EngineSyncAdapter
    from ui.welcome import WELCOMED_KEY, WelcomeDialog

    log_path = setup_logging()
    app = application()
    reporter = prepare_client(app, log_path)
    try:
        store = Store.open(profile_dir)
    except DatabaseCorrupt as exc:  # offer a restore from the backup or a fresh sync
        from ui.recovery import recover

        store = recover(profile_dir, exc)
        if store is None:
            return 1
    engine = SyncEngine(store)
    try:
        if not store.setting(WELCOMED_KEY) and not engine.server_url:
            ops = Operations(store, Events())
            welcome = WelcomeDialog(lambda url, user, password: engine.login(url, user, password), ops=ops)
            accepted = welcome.exec() == QDialog.DialogCode.Accepted
            ops.wait()
            if not accepted:
                return 0
            store.set_setting(WELCOMED_KEY, True)
        sync = EngineSyncAdapter(engine)
        window = open_window(store, sync=sync)
        sync.attach(window.ws.events)
        window.restore()
        window.show()
        sync.start()
        code = app.exec()
        sync.stop()
        window.ws.ops.wait()
        return code
    finally:
        store.close()
        reporter.uninstall()
