"""An orphan: a record added or moved under a parent that was deleted on the server.
Shows the record, the parent's server history (who deleted it, when, why it may have
gone), and the ways out: move it under another parent, bring the parent back, or
discard the record."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import formatting
from ui.conflicts.field_view import ERROR_STYLE
from ui.records.picker import RecordPicker
from ui.conflicts.server_history import ServerHistory
from ui.conflicts.wording import entity_name


class OrphanConflictView(QWidget):
    """`sig_decide(conflict_id, body)` with action reparent (and parent_id),
    restore_parent or discard."""

    sig_decide = Signal(str, dict)

    def __init__(self, workspace, conflict: dict, label: str, parent_label: str = "", parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.conflict = conflict
        details = conflict.get("details") or {}
        parent_entity = details.get("parent_entity", "customer")
        what, above = entity_name(conflict["entity"]), entity_name(parent_entity)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("%1 “%2”: its %3 was deleted").replace("%1", what.capitalize())
                       .replace("%2", label or conflict["record_id"][:8]).replace("%3", above), self)
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        title.setWordWrap(True)
        layout.addWidget(title)
        story = QLabel(self.tr("%1 put it under the %2 “%3” on %4 (%5), but that %2 had been deleted on the "
                               "server. It is kept until you decide.")
                       .replace("%1", conflict.get("user") or self.tr("someone")).replace("%2", above)
                       .replace("%3", parent_label or details.get("parent_id", "")[:8])
                       .replace("%4", conflict.get("device_name") or self.tr("an unnamed device"))
                       .replace("%5", formatting.local_datetime(conflict.get("created_at"))), self)
        story.setWordWrap(True)
        layout.addWidget(story)
        self.history = ServerHistory(workspace, parent_entity, details.get("parent_id", ""),
                                     self.tr("The %1's history on the server").replace("%1", above), self)
        layout.addWidget(self.history)
        move = QHBoxLayout()
        move.addWidget(QLabel(self.tr("Move it under:"), self))
        self.picker = RecordPicker(workspace, parent_entity, self)
        self.picker.setObjectName("new_parent")
        move.addWidget(self.picker, 1)
        self.reparent_button = QPushButton(self.tr("Move"), self)
        self.reparent_button.setObjectName("reparent")
        self.reparent_button.clicked.connect(self.reparent)
        move.addWidget(self.reparent_button)
        layout.addLayout(move)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note for the record (why you decided so)"))
        bottom.addWidget(self.note, 1)
        self.restore_button = QPushButton(self.tr("Restore the %1").replace("%1", above), self)
        self.restore_button.setObjectName("restore_parent")
        self.discard_button = QPushButton(self.tr("Discard the %1").replace("%1", what), self)
        self.discard_button.setObjectName("discard")
        self.restore_button.clicked.connect(lambda: self.decide({"action": "restore_parent"}))
        self.discard_button.clicked.connect(lambda: self.decide({"action": "discard"}))
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.discard_button)
        layout.addLayout(bottom)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

    def reparent(self) -> None:
        parent_id = self.picker.record_id()
        if not parent_id:
            self.show_error(self.tr("Pick the new parent from the suggestions first."))
            return
        self.decide({"action": "reparent", "parent_id": parent_id})

    def decide(self, body: dict) -> None:
        if self.note.text().strip():
            body = {**body, "note": self.note.text().strip()}
        for button in (self.reparent_button, self.restore_button, self.discard_button):
            button.setEnabled(False)
        self.message.hide()
        self.sig_decide.emit(self.conflict["id"], body)

    def show_error(self, text: str) -> None:
        for button in (self.reparent_button, self.restore_button, self.discard_button):
            button.setEnabled(True)
        self.message.setText(text)
        self.message.show()
