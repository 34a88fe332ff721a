"""The Conflicts page: an admin's queue (with its history) and, for everyone, their own
conflicts and refused changes."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui import remote
from ui.conflicts.my_problems import MyProblemsView
from ui.conflicts.queue import ConflictQueue


class ConflictsPage(QWidget):
    """`sig_open(entity, id)` to show a record."""

    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Conflicts"), self)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(title)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #555;")
        layout.addWidget(self.notice)
        self.mine = MyProblemsView(workspace, self)
        self.mine.sig_open.connect(self.sig_open)
        self.queue = None
        if workspace.actor.role == "admin":
            self.tabs = QTabWidget(self)
            self.queue = ConflictQueue(workspace, self)
            self.queue.sig_open.connect(self.sig_open)
            self.tabs.addTab(self.queue, self.tr("Queue"))
            self.tabs.addTab(self.mine, self.tr("My sync problems"))
            layout.addWidget(self.tabs, 1)
        else:
            layout.addWidget(self.mine, 1)
        self._show_notice()

    def _show_notice(self) -> None:
        if not remote.connected(self.ws):
            self.notice.setText(self.tr("This profile works on its own: there is no server to have conflicts with. "
                                        "Sign in to a server to sync."))
        elif self.queue is not None:
            self.notice.setText(self.tr("Decide what the server could not: each decision becomes a new version that "
                                        "every client gets on its next sync."))
        else:
            self.notice.setText(self.tr("What an administrator still has to decide about your changes, and the "
                                        "changes the server refused (fix them here)."))

    def start(self, _filter_key: str | None = None) -> None:
        """Load (again) when the page is shown."""
        self._show_notice()
        self.mine.refresh()
        if self.queue is not None and remote.connected(self.ws):
            self.queue.refresh()
