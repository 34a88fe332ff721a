"""A reminder when a task falls due while the app runs."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app import clock
from app.queries import activities as activity_queries


class Reminders(QObject):
    """Checks every `interval_ms` for the user's open tasks that fell due since the last
    check and emits `sig_due(list_of_tasks)`; the window shows them."""

    sig_due = Signal(list)

    def __init__(self, workspace, parent=None, *, interval_ms: int = 30_000):
        super().__init__(parent)
        self.ws = workspace
        self.last = clock.now_iso()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        until = clock.now_iso()
        after, self.last = self.last, until
        self.ws.ops.query(activity_queries.due_between, self.ws.actor.id, after, until,
                          on_done=lambda tasks: tasks and self.sig_due.emit(tasks))
