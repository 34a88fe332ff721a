"""`main.py --self-test`: prove this installation works end to end, in a minute, without
touching the user's data, settings or keyring.

A fresh temporary profile (migrations run), the main window built off screen, an
embedded server (given by the caller: ui/ never imports server/), a user, sign-in,
a local change pushed and pulled through the window's own sync adapter, the Chinese
catalogues, the rules' data files and the document font found. Prints one line per check; exits 0, or 1 with
"self-test failed: <check>: <reason>" on stderr.
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

USER, PASSWORD = "selftest", "self-test-password"
CUSTOMER = "自检客户 Self-test Ltd"
READY_TIMEOUT_S = 60
SYNC_TIMEOUT_S = 60


class SelfTestFailed(Exception):
    """A check found something wrong; the message says what, in one line."""


def _no_display() -> bool:
    if sys.platform.startswith(("win", "darwin")):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _isolate(folder: Path) -> None:
    """Settings, keyring and platform for this process only: nothing of the user's is read or written."""
    if "QT_QPA_PLATFORM" not in os.environ and _no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))


class _Run:
    def __init__(self, out, started: float):
        self.out, self.started, self.count = out, started, 0

    def check(self, name: str, fn: Callable[[], str | None]):
        began = time.perf_counter()
        try:
            detail = fn()
        except SelfTestFailed as exc:
            raise SelfTestFailed(f"{name}: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - any failure is the check's failure, reported in one line
            log.exception("self-test check %r failed", name)
            first = (str(exc).strip().splitlines() or [""])[0]
            raise SelfTestFailed(f"{name}: {type(exc).__name__}: {first}") from None
        self.count += 1
        took = (time.perf_counter() - began) * 1000
        line = f"ok   {name} ({took:.0f} ms){': ' + detail if detail else ''}"
        log.info("self-test %s", line)
        print(line, file=self.out, flush=True)


def _process_age_s() -> float | None:
    """Seconds since this process started (the bundle's unpacking and Python's start-up
    included), where the system tells (Linux); None elsewhere."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            started_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return uptime - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _wait(app, predicate: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise SelfTestFailed(f"{what} within {timeout_s:.0f} s")
        app.processEvents()
        time.sleep(0.01)


def run_self_test(start_server: Callable[[], object], *, out=None, err=None, keep: bool = False) -> int:
    """Run every check; returns the exit code (0 all passed, 1 one failed). `start_server()`
    returns a running server with `url`, `add_user(name, role, password)` and `stop()`
    (server.embedded.start_embedded). `keep` leaves the temporary folder for inspection."""
    out, err = out or sys.stdout, err or sys.stderr
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="ltc-self-test-"))
    _isolate(folder)
    run = _Run(out, started)
    state: dict = {}
    try:
        _checks(run, state, folder, start_server)
    except SelfTestFailed as exc:
        log.error("self-test failed: %s", exc)
        print(f"self-test failed: {exc}", file=err, flush=True)
        return 1
    finally:
        _tear_down(state)
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    line = f"self-test passed: {run.count} checks in {time.perf_counter() - started:.1f} s"
    log.info("%s", line)
    print(line, file=out, flush=True)
    return 0


def _checks(run: _Run, state: dict, folder: Path, start_server) -> None:
    from app import __version__

    run.check("version", lambda: f"LTC Desk {__version__}, Python {sys.version.split()[0]}"
              + (" (bundle)" if getattr(sys, "frozen", False) else ""))

    def profile():
        from app import migrations
        from app.store import Store

        state["store"] = store = Store.open(folder / "profile")
        with store.engine.connect() as conn:
            at = migrations.current(conn)
        if at != migrations.head():
            raise SelfTestFailed(f"the profile is at {at}, not {migrations.head()}")
        return f"schema {at}"
    run.check("fresh profile and migrations", profile)

    def keyring_backend():
        import keyring
        from keyring.backends import null

        found = keyring.get_keyring()
        # The sign-in below stays in memory: the self-test never writes the user's keyring.
        keyring.set_keyring(null.Keyring())
        return f"{type(found).__module__}.{type(found).__name__} found (not used)"
    run.check("keyring", keyring_backend)

    def window():
        from sync.engine import SyncEngine
        from ui import i18n
        from ui.app import application, open_window
        from ui.sync_adapter import EngineSyncAdapter

        began = time.perf_counter()
        state["app"] = app = application()
        i18n.install(app)
        # Not signed in yet: the window starts as a client's does, the sign-in comes later.
        state["engine"] = engine = SyncEngine(state["store"], device_name="self-test",
                                              transport_options={"backoff": 0.05, "max_backoff": 0.2})
        state["sync"] = sync = EngineSyncAdapter(engine, interval_s=3600)
        state["window"] = win = open_window(state["store"], sync=sync)
        ready = []
        win.sig_ready.connect(lambda: ready.append(time.perf_counter()))
        win.show_view("customers")
        _wait(app, lambda: ready, READY_TIMEOUT_S, "the main window had no data")
        if win.grab().isNull():
            raise SelfTestFailed("the main window did not paint")
        age = _process_age_s()
        since = f", {age:.2f} s after the program started" if age is not None else ""
        return f"usable after {(ready[0] - began) * 1000:.0f} ms{since} ({app.platformName()})"
    run.check("main window", window)

    def server():
        state["server"] = srv = start_server()
        srv.add_user(USER, "rep", PASSWORD)
        return srv.url
    run.check("embedded server and a user", server)

    def sign_in():
        user = state["engine"].login(state["server"].url, USER, PASSWORD)
        if user["username"] != USER:
            raise SelfTestFailed(f"signed in as {user['username']}")
    run.check("sign in", sign_in)

    def local_change():
        from app.services.customers import create_customer

        state["customer"] = state["store"].run(create_customer, {"name": CUSTOMER})["id"]
    run.check("a change saved locally", local_change)

    def sync_through_window():
        app, sync = state["app"], state["sync"]
        results = []
        sync.sig_finished.connect(results.append)
        sync.sync_now()
        _wait(app, lambda: results, SYNC_TIMEOUT_S, "the sync did not finish")
        result = results[0]
        if not result["ok"]:
            raise SelfTestFailed(result["message"])
        if result["pushed"] != 1:
            raise SelfTestFailed(f"{result['pushed']} change(s) sent, expected 1")
        from app.services.records import sync_state

        known = state["store"].run(sync_state, "customer", state["customer"])
        if known["pending"] or known["conflict"] or known["rejected"] or not known["version"]:
            raise SelfTestFailed(f"the server did not take the change cleanly: {known}")
        return f"{result['pushed']} sent, {result['pulled']} received"
    run.check("sync through the window", sync_through_window)

    def translations():
        from ui import i18n

        path = i18n.catalogue_path()
        translator = i18n.load_translator(path)
        if translator is None:
            raise SelfTestFailed(f"cannot load {path}")
        text = translator.translate("MainWindow", "Customers")
        if text != "客户":
            raise SelfTestFailed(f"'Customers' reads {text!r} in Chinese")
        qt = i18n.qt_catalogue("qtbase", i18n.CHINESE)
        qt_translator = i18n.load_translator(qt) if qt else None
        if qt_translator is None or qt_translator.translate("QPlatformTheme", "Cancel") != "取消":
            raise SelfTestFailed("Qt's own Chinese catalogue (qtbase_zh_CN.qm) is missing")
        return f"{path.name}, {qt.name}"
    run.check("Chinese translation", translations)

    def rules_data():
        # Data files the rules load lazily (phone metadata, currency table, pinyin
        # dictionaries): a bundle missing one fails only when a user meets it.
        from app.rules.standards import currency_exponent, normalise_phone
        from app.search import pinyin_forms

        found = (normalise_phone("138 0013 8000"), currency_exponent("CNY"), currency_exponent("JPY"),
                 pinyin_forms("张三"))
        if found != ("+8613800138000", 2, 0, ("zhangsan", "zs")):
            raise SelfTestFailed(f"unexpected results {found}")
    run.check("phone, currency and pinyin data", rules_data)

    def document_font():
        from app.documents.fonts import document_font as chosen

        font = chosen()
        if not font.embedded:
            raise SelfTestFailed(f"no embeddable CJK font; documents would use {font.source}")
        return Path(font.source).name
    run.check("document font", document_font)


def _tear_down(state: dict) -> None:
    sync, window, server, store = (state.get(k) for k in ("sync", "window", "server", "store"))
    if sync is not None:
        sync.wait(5_000)
    if window is not None:
        window.ws.ops.wait()
        window.reminders.timer.stop()
        window.deleteLater()
    if server is not None:
        server.stop()
    if store is not None:
        store.close()
