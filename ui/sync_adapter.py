"""The sync engine on the Qt side. A `sync.loop.SyncLoop` does the work in its own
threads (long poll, schedule, reconnect, on demand); this adapter turns its callbacks
into signals on the GUI thread, asks for a sync shortly after local edits, and cancels
on request. The engine (sync/) knows nothing of Qt."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from ui.sync_status import SyncAdapter

log = logging.getLogger(__name__)

# Local edits are sent this long after the last one (a burst of edits goes as one push).
PUSH_DELAY_MS = 2_000


class _Relay(QObject):
    """Lives on the GUI thread; the loop's threads emit these, Qt queues them across."""

    started = Signal()
    progress = Signal(str, int, int, int)  # phase, pages, records, pushed
    done = Signal(object, object)          # summary or None, error or None
    state = Signal(str)


class EngineSyncAdapter(SyncAdapter):
    """A SyncAdapter over a `sync.engine.SyncEngine`, kept current by a SyncLoop:
    near real time through the server's long poll while online, every `interval_s`
    anyway, after local edits, and on Sync now."""

    def __init__(self, engine, parent=None, *, interval_s: float = 300.0, poll_timeout_s: float = 25.0,
                 events=None):
        super().__init__(parent)
        from sync.loop import SyncLoop

        self.engine = engine
        self._running = False
        self._stopped = False  # after stop(), nothing starts the loop again but start()
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress)
        self._relay.done.connect(self._done)
        self._relay.state.connect(self._engine_state)
        self._relay.started.connect(self._started)
        self.loop = SyncLoop(engine, interval=interval_s, poll_timeout=poll_timeout_s,
                             on_progress=self._on_progress, on_finished=self._on_finished,
                             on_state=self._relay.state.emit)
        self._push_timer = QTimer(self)
        self._push_timer.setSingleShot(True)
        self._push_timer.setInterval(PUSH_DELAY_MS)
        self._push_timer.timeout.connect(self.sync_now)
        if events is not None:
            self.attach(events)

    def attach(self, events) -> None:
        """Listen to the workspace's change broadcast: local edits go out shortly after."""
        events.sig_changed.connect(self._local_change)

    def start(self) -> None:
        """Begin syncing in the background (a first sync right away)."""
        self._stopped = False
        if self.available():
            self.loop.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop syncing (the window closes): a push still waiting on its timer is not
        started, and neither Sync now nor a local edit starts the loop again."""
        self._stopped = True
        self._push_timer.stop()
        self.loop.stop(timeout=timeout)

    def available(self) -> bool:
        return bool(self.engine.server_url)

    def online(self) -> bool:
        return self.engine.state in ("online", "syncing")

    def server(self) -> str | None:
        url = self.engine.server_url
        user = self.engine.username
        return f"{user} @ {url}" if url and user else url

    def syncing(self) -> bool:
        return self._running

    def sync_now(self) -> None:
        if not self.available() or self._stopped:
            return
        if not (self.loop._thread and self.loop._thread.is_alive()):
            self.loop.start()
        self.loop.trigger()

    def cancel(self) -> None:
        if self._running:
            self.engine.cancel()

    def state(self) -> dict:
        return {"online": self.online(), "server": self.engine.server_url, "user": self.engine.username,
                "state": self.engine.state}

    def wait(self, msecs: int = 30_000) -> bool:
        self.stop(timeout=msecs / 1000)
        return True

    # -- loop threads -> GUI thread ---------------------------------------------------
    def _on_progress(self, p) -> None:
        self._relay.started.emit()
        self._relay.progress.emit(p.phase, p.pages, p.records, p.pushed)

    def _on_finished(self, summary, error) -> None:
        self._relay.done.emit(summary, error)

    # -- GUI thread -------------------------------------------------------------------
    def _engine_state(self, _state: str) -> None:
        self.sig_state_changed.emit(self.state())

    def _local_change(self, entities) -> None:
        if self.available() and not self._stopped and "sync" not in entities:
            self._push_timer.start()

    @Slot()
    def _started(self) -> None:
        if not self._running:
            self._running = True
            self.sig_started.emit()
            self.sig_state_changed.emit(self.state())

    @Slot(str, int, int, int)
    def _progress(self, phase: str, pages: int, records: int, pushed: int) -> None:
        translate = QCoreApplication.translate
        if phase == "push":
            message = translate("Sync", "Sending changes: %1").replace("%1", str(pushed))
        elif phase == "pull":
            message = translate("Sync", "Receiving: %1 records in %2 pages").replace("%1", f"{records:,}").replace(
                "%2", str(pages))
        else:
            message = translate("Sync", "Finishing…")
        self.sig_progress.emit(records or pushed, 0, message)

    @Slot(object, object)
    def _done(self, summary, error) -> None:
        self._running = False
        translate = QCoreApplication.translate
        if error is None and summary is not None:
            result = {"ok": True, "cancelled": False,
                      "message": translate("Sync", "Synced: %1 sent, %2 received").replace(
                          "%1", str(summary.pushed)).replace("%2", str(summary.pulled)),
                      "pushed": summary.pushed, "pulled": summary.pulled,
                      "entities": list(summary.entities)}
        else:
            message = getattr(error, "message", None) or str(error)
            result = {"ok": False, "cancelled": "cancelled" in message, "message": message, "pushed": 0,
                      "pulled": 0, "entities": []}
        self.sig_finished.emit(result)
        self.sig_state_changed.emit(self.state())
