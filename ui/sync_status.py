"""Sync you can see: the Qt-side adapter the sync engine plugs into, and the status bar.

The engine itself (sync/) has no Qt; the lead wires it by subclassing SyncAdapter (or
giving an object with the same signals and methods) that runs the engine off the GUI
thread and emits these signals. Until then the client is local only: the status bar
says "Offline (local only)" and "Sync now" is disabled with a tooltip saying why.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.queries import sync_status
from ui import formatting


class SyncAdapter(QObject):
    """The interface between the client and a sync engine. This base is the local-only
    profile's: never online, nothing to run.

    Signals (emitted on the GUI thread):
      sig_state_changed(dict)   {"online": bool, "server": str | None, "user": str | None}
      sig_started()             a sync began
      sig_progress(int, int, str)  done, total (0 if unknown), what is happening
      sig_finished(dict)        {"ok": bool, "cancelled": bool, "message": str, "pushed": int,
                                 "pulled": int}; the client re-reads everything after it
    """

    sig_state_changed = Signal(dict)
    sig_started = Signal()
    sig_progress = Signal(int, int, str)
    sig_finished = Signal(dict)

    def available(self) -> bool:
        """True when a server is configured and Sync now can run."""
        return False

    def online(self) -> bool:
        return False

    def server(self) -> str | None:
        return None

    def syncing(self) -> bool:
        return False

    def sync_now(self) -> None:
        """Start a sync in the background (no-op when not available)."""

    def cancel(self) -> None:
        """Ask a running sync to stop at the next safe point."""


class SyncStatusBar(QWidget):
    """Online/offline, pending changes, last successful sync, open conflicts and
    rejections; a progress bar with Cancel during a sync; Sync now."""

    sig_open_conflicts = Signal()
    REFRESH_MS = 30_000

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.adapter = workspace.sync
        self.counts = {"pending": 0, "conflicts": 0, "rejected": 0, "last_sync_at": None}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.online_label = QLabel(self)
        self.online_label.setObjectName("syncOnline")
        self.pending_label = QLabel(self)
        self.last_label = QLabel(self)
        self.conflicts_label = QLabel(self)
        self.conflicts_label.setObjectName("syncConflicts")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        for w in (self.online_label, self.pending_label, self.last_label, self.conflicts_label, self.progress,
                  self.cancel_button, self.sync_button):
            layout.addWidget(w)
        self.sync_button.clicked.connect(self.adapter.sync_now)
        self.cancel_button.clicked.connect(self.adapter.cancel)
        # Bound methods, not lambdas: Qt drops these connections when the bar is destroyed,
        # so a sync finishing later never reaches a deleted widget.
        self.adapter.sig_state_changed.connect(self._state_changed)
        self.adapter.sig_started.connect(self._started)
        self.adapter.sig_progress.connect(self._progress)
        self.adapter.sig_finished.connect(self._finished)
        workspace.events.sig_changed.connect(self._data_changed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(self.REFRESH_MS)
        self._show_syncing(False)
        self._show_state()
        self._show_counts()
        self.refresh()

    def _state_changed(self, _state) -> None:
        self._show_state()

    def _data_changed(self, _names) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.ws.ops.query(sync_status.counts, on_done=self._counts_arrived, latest=(self, "_counts_arrived"))

    def _counts_arrived(self, counts: dict) -> None:
        self.counts = counts
        self._show_counts()

    def _show_state(self) -> None:
        if not self.adapter.available():
            self.online_label.setText(self.tr("Offline (local only)"))
            self.online_label.setToolTip(self.tr("This profile keeps its data on this computer only."))
            self.sync_button.setEnabled(False)
            self.sync_button.setToolTip(self.tr("Connect this profile to a server to sync."))
            return
        online = self.adapter.online()
        self.online_label.setText(self.tr("● Online") if online else self.tr("○ Offline"))
        self.online_label.setToolTip(self.adapter.server() or "")
        self.sync_button.setEnabled(not self.adapter.syncing())
        self.sync_button.setToolTip(self.tr("Send local changes and fetch the server's now."))

    def _show_counts(self) -> None:
        c = self.counts
        self.pending_label.setText(self.tr("%n pending change(s)", "", c["pending"]) if c["pending"]
                                   else self.tr("No pending changes"))
        last = formatting.local_datetime(c.get("last_sync_at"))
        self.last_label.setText(self.tr("Last sync: %1").replace("%1", last) if last
                                else self.tr("Never synced"))
        problems = []
        if c["conflicts"]:
            problems.append(self.tr("%n conflict(s)", "", c["conflicts"]))
        if c["rejected"]:
            problems.append(self.tr("%n rejected", "", c["rejected"]))
        self.conflicts_label.setText(" · ".join(problems) if problems else self.tr("No conflicts"))
        self.conflicts_label.setStyleSheet("color: #c62828; font-weight: bold;" if problems else "")

    def _show_syncing(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)

    def _started(self) -> None:
        self.progress.setRange(0, 0)
        self._show_syncing(True)
        self.sync_button.setEnabled(False)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.progress.setFormat(message or "%p%")
        self.progress.setToolTip(message)
        if hasattr(self.window(), "statusBar"):
            self.window().statusBar().showMessage(message)

    def _finished(self, result: dict) -> None:
        self._show_syncing(False)
        self._show_state()
        self.setToolTip(result.get("message", ""))
        self.ws.events.changed({"customer", "contact", "lead", "deal", "activity", "sync"})
