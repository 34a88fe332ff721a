"""Edit against delete, either way round: what the other side changed, the record's
server history, and the two ways out (keep the record or confirm the delete)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import formatting
from ui.conflicts.field_view import CLIENT_CHANGED, ERROR_STYLE, SERVER_CHANGED, cell, header_label
from ui.conflicts.server_history import ServerHistory
from ui.conflicts.wording import entity_name, field_name, shown


class DeleteConflictView(QWidget):
    """`sig_decide(conflict_id, body)` with action restore or confirm_delete."""

    sig_decide = Signal(str, dict)

    def __init__(self, workspace, conflict: dict, label: str, parent=None, labels: dict | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.conflict = conflict
        edit_delete = conflict["kind"] == "edit_delete"
        what = entity_name(conflict["entity"])
        name = label or conflict["record_id"][:8]
        who = conflict.get("user") or self.tr("someone")
        device = conflict.get("device_name") or self.tr("an unnamed device")
        layout = QVBoxLayout(self)
        title = QLabel(self)
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        title.setWordWrap(True)
        story = QLabel(self)
        story.setWordWrap(True)
        if edit_delete:
            title.setText(self.tr("%1 “%2”: edited on a device, deleted on the server").replace(
                "%1", what.capitalize()).replace("%2", name))
            story.setText(self.tr("%1 changed it on %2 (%3) after it had been deleted on the server. Restoring "
                                  "brings it back with their changes; confirming keeps it deleted.")
                          .replace("%1", who).replace("%2", device)
                          .replace("%3", formatting.local_datetime(conflict.get("created_at"))))
            headers = (self.tr("Field"), self.tr("Before"), self.tr("Their change (%1)").replace("%1", who))
            side, colour = "client", CLIENT_CHANGED
        else:
            title.setText(self.tr("%1 “%2”: deleted on a device, edited on the server").replace(
                "%1", what.capitalize()).replace("%2", name))
            story.setText(self.tr("%1 deleted it on %2 (%3), but it had been changed on the server meanwhile; it "
                                  "is kept until you decide. These are the server's changes the delete would "
                                  "throw away.").replace("%1", who).replace("%2", device)
                          .replace("%3", formatting.local_datetime(conflict.get("created_at"))))
            headers = (self.tr("Field"), self.tr("Before"), self.tr("Changed on the server to"))
            side, colour = "server", SERVER_CHANGED
        layout.addWidget(title)
        layout.addWidget(story)
        grid = QGridLayout()
        for col, text in enumerate(headers):
            grid.addWidget(header_label(text, self), 0, col)
        for row, (field, sides) in enumerate(conflict["fields"].items(), start=1):
            grid.addWidget(cell(field_name(field), self), row, 0)
            grid.addWidget(cell(shown(workspace, conflict["entity"], field, sides.get("base"), labels), self), row, 1)
            grid.addWidget(cell(shown(workspace, conflict["entity"], field, sides.get(side), labels), self, colour),
                           row, 2)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        self.history = ServerHistory(workspace, conflict["entity"], conflict["record_id"],
                                     self.tr("On the server"), self)
        layout.addWidget(self.history)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note for the record (why you decided so)"))
        bottom.addWidget(self.note, 1)
        self.restore_button = QPushButton(
            self.tr("Restore with their changes") if edit_delete else self.tr("Keep the record"), self)
        self.restore_button.setObjectName("restore")
        self.delete_button = QPushButton(self.tr("Confirm the delete"), self)
        self.delete_button.setObjectName("confirm_delete")
        self.restore_button.clicked.connect(lambda: self.decide("restore"))
        self.delete_button.clicked.connect(lambda: self.decide("confirm_delete"))
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)

    def decide(self, action: str) -> None:
        body = {"action": action}
        if self.note.text().strip():
            body["note"] = self.note.text().strip()
        self.restore_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.sig_decide.emit(self.conflict["id"], body)

    def show_error(self, text: str) -> None:
        self.restore_button.setEnabled(True)
        self.delete_button.setEnabled(True)
        self.message.setText(text)
        self.message.show()
