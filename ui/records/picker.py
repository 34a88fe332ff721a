"""Pick a record by typing part of its name: suggestions from the local copy, fetched in
the background a moment after the last keystroke (a newer lookup drops an older one)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from app.queries import merges


class RecordPicker(QLineEdit):
    """`sig_picked(id)` when a suggestion is chosen; `record_id()` is the choice."""

    sig_picked = Signal(str)

    def __init__(self, workspace, entity: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.entity = entity
        self._choices: dict[str, str] = {}
        self._id: str | None = None
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        completer.activated.connect(self._activated)
        # The context by name: self.tr would look under a subclass's name (CustomerPicker).
        self.setPlaceholderText(QCoreApplication.translate("RecordPicker", "Type part of the name"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.lookup)
        self.textEdited.connect(lambda _t: (setattr(self, "_id", None), self._timer.start()))

    def lookup(self) -> None:
        self.ws.ops.query(self._find, self.text().strip(), on_done=self._arrived, latest=(self, "lookup"))

    def _find(self, session, text: str) -> list[tuple[str, str]]:
        """(id, label) of the records whose name contains `text`."""
        return merges.find_records(session, self.entity, text)

    def _arrived(self, rows) -> None:
        # Two records may share a name: the shown text carries a short id then.
        names = {}
        for rid, label in rows:
            text = label if label not in names else f"{label} ({rid[:8]})"
            names[text] = rid
        self._choices = names
        self._model.setStringList(list(names))
        if self.hasFocus():
            self.completer().complete()

    def _activated(self, text: str) -> None:
        self.pick(self._choices.get(text), text)

    def pick(self, record_id: str | None, text: str = "") -> None:
        self._id = record_id
        if text:
            self.setText(text)
        if record_id:
            self.sig_picked.emit(record_id)

    def record_id(self) -> str | None:
        if self._id is None and self.text().strip() in self._choices:
            self._id = self._choices[self.text().strip()]
        return self._id
