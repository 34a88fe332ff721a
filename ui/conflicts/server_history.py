"""A record's history as the server keeps it (who changed what, when), fetched in the
background: what an admin reads before restoring or discarding."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from sync import admin_conflicts
from ui import formatting, remote
from ui.conflicts.wording import field_name, value_text

SHOWN = 30


def _t(text: str) -> str:
    return QCoreApplication.translate("ServerHistory", text)


def event_text(event: dict) -> str:
    who = event.get("username") or _t("the system")
    when = formatting.local_datetime(event.get("at"))
    action = event.get("action")
    if action == "update" and event.get("field"):
        what = f"{field_name(event['field'])}: {value_text(event.get('old'))} → {value_text(event.get('new'))}"
    elif action == "resolve":
        what = _t("conflict decided")
    else:
        what = {"create": _t("created"), "delete": _t("deleted"), "restore": _t("restored"),
                "merge": _t("merged into another"), "touch": _t("conflict flag changed"),
                "move": _t("moved to another book")}.get(action, action or "")
    return f"{when}  {who}: {what}"


class ServerHistory(QWidget):
    """Loads and lists the server's audit events of one record, newest first."""

    def __init__(self, workspace, entity: str, record_id: str, title: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QLabel(title, self)
        head.setStyleSheet("font-weight: bold;")
        layout.addWidget(head)
        self.list = QListWidget(self)
        self.list.setObjectName("serverHistory")
        self.list.setMaximumHeight(150)
        layout.addWidget(self.list)
        self.history: dict | None = None
        self.list.addItem(self.tr("Loading the server's history…"))
        remote.call(workspace, admin_conflicts.record_history, entity, record_id, on_done=self._arrived,
                    on_error=lambda exc: self._show_lines([exc.message]), owner=self)

    def _arrived(self, history: dict) -> None:
        self.history = history
        events = [e for e in history.get("events", []) if e.get("action") != "touch"][:SHOWN]
        self._show_lines([event_text(e) for e in events] or [self.tr("No history on the server.")])

    def _show_lines(self, lines: list[str]) -> None:
        self.list.clear()
        self.list.addItems(lines)
