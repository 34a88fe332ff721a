"""Deciding many conflicts with one rule ("take the server's value for every conflict
about notes"), with a preview of what the rule decides and what it leaves alone."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from sync import admin_conflicts
from sync.admin_conflicts import BulkRule
from ui import remote
from ui.conflicts.wording import field_name, kind_name


class BulkDialog(QDialog):
    """`sig_done(result)` with {"resolved", "failed", "skipped"} once the rule ran."""

    sig_done = Signal(dict)

    def __init__(self, workspace, conflicts: list[dict], parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.conflicts = list(conflicts)
        self.setWindowTitle(self.tr("Decide several conflicts"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("%n conflict(s) selected. Choose one rule; conflicts it does not fit are left "
                               "alone.", "", len(self.conflicts)), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox(self)
        for kind in dict.fromkeys(c["kind"] for c in self.conflicts):
            self.kind.addItem(kind_name(kind), kind)
        self.field = QComboBox(self)
        self.take = QComboBox(self)
        self.take.addItem(self.tr("Take the server's value"), "server")
        self.take.addItem(self.tr("Take the client's value"), "client")
        self.action = QComboBox(self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note kept with each decision"))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("Decision"), self.take)
        form.addRow(self.tr("Action"), self.action)
        form.addRow(self.tr("Note"), self.note)
        self.form = form
        layout.addLayout(form)
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close,
                                        self)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("apply")
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        for combo in (self.field, self.take, self.action):
            combo.currentIndexChanged.connect(lambda _i: self._update_preview())
        self.note.textChanged.connect(lambda _t: self._update_preview())
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.field.blockSignals(True)
        self.field.clear()
        if kind == "field":
            names = dict.fromkeys(n for c in self.conflicts if c["kind"] == "field" for n in c["fields"])
            for name in names:
                self.field.addItem(field_name(name), name)
            self.field.addItem(self.tr("every field of the conflict"), "")
        self.field.blockSignals(False)
        self.action.blockSignals(True)
        self.action.clear()
        if kind in ("edit_delete", "delete_edit"):
            self.action.addItem(self.tr("Keep / restore the record"), "restore")
            self.action.addItem(self.tr("Confirm the delete"), "confirm_delete")
        elif kind == "orphan":
            self.action.addItem(self.tr("Restore the parent"), "restore_parent")
            self.action.addItem(self.tr("Discard the record"), "discard")
        elif kind == "duplicate":
            self.action.addItem(self.tr("Keep both records"), "keep_both")
        self.action.blockSignals(False)
        for widget, shown in ((self.field, kind == "field"), (self.take, kind == "field"),
                              (self.action, kind != "field")):
            widget.setVisible(shown)
            self.form.labelForField(widget).setVisible(shown)
        self._update_preview()

    def rule(self) -> BulkRule:
        kind = self.kind.currentData()
        note = self.note.text().strip() or None
        if kind == "field":
            return BulkRule("field", take=self.take.currentData(), field=self.field.currentData() or None, note=note)
        action = self.action.currentData()
        return BulkRule(kind, action=None if action == "keep_both" else action, note=note)

    def _update_preview(self) -> None:
        if self.kind.currentData() is None:
            return
        decided, skipped = admin_conflicts.plan(self.conflicts, self.rule())
        text = self.tr("%n conflict(s) will be decided.", "", len(decided))
        if skipped:
            reasons = "; ".join(dict.fromkeys(reason for _, reason in skipped))
            text += " " + self.tr("%n left alone (%1).", "", len(skipped)).replace("%1", reasons)
        self.preview.setText(text)
        self.apply_button.setEnabled(bool(decided))

    def apply(self) -> None:
        self.apply_button.setEnabled(False)
        self.preview.setText(self.tr("Deciding…"))
        remote.call(self.ws, admin_conflicts.resolve_many, self.conflicts, self.rule(), on_done=self._done,
                    on_error=lambda exc: self.preview.setText(exc.message), owner=self)

    def _done(self, result: dict) -> None:
        text = self.tr("%n decided.", "", len(result["resolved"]))
        if result["failed"]:
            text += " " + self.tr("%n refused by the server: %1", "", len(result["failed"])).replace(
                "%1", "; ".join(result["failed"].values()))
        self.preview.setText(text)
        self.sig_done.emit(result)
        remote.sync_soon(self.ws)
