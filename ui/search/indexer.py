"""Keeps the search index current in the background: after every change, at start and
after a sync, in small batches so a search or a save never waits long behind it."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app import search

BATCH = 2000


def _step(conn) -> tuple[int, int]:
    done = search.refresh(conn, limit=BATCH)
    return done, search.pending(conn)


class SearchIndexer(QObject):
    """`sig_progress(remaining)` after each batch (0 when the index is current)."""

    sig_progress = Signal(int)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.running = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.run)
        workspace.events.sig_changed.connect(self._changed)

    def _changed(self, names: set) -> None:
        if names & {*search.INDEXED, "sync"}:
            self._timer.start()

    def run(self) -> None:
        if self.running:
            self._again = True
            return
        self.running = True
        self.ws.ops.raw_write(_step, on_done=self._stepped, on_error=lambda _e: setattr(self, "running", False))

    def _stepped(self, result) -> None:
        done, remaining = result
        self.running = False
        self.sig_progress.emit(remaining)
        if remaining or self._again:
            self._again = False
            if done or remaining:
                self.run()
