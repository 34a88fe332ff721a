"""Two records of one party side by side: which one survives, the surviving value of each
field, and what hangs off each (contacts, deals, quotes, invoices, activities, ...) with
where it will go. Used for duplicate conflicts in the queue and by the merge tool."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QScrollArea,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app.queries import merges
from ui.conflicts.field_view import ERROR_STYLE, header_label
from ui.conflicts.wording import entity_name, field_name, shown

DIFFERENT = "#fff1c2"


class MergeView(QWidget):
    """`sig_merge(request)` with {"entity", "survivor_id", "loser_id", "fields"} (the
    values the survivor takes from the other record); `sig_keep_both()`; `sig_loaded()`
    once both records are shown."""

    sig_merge = Signal(dict)
    sig_keep_both = Signal()
    sig_loaded = Signal()

    def __init__(self, workspace, entity: str, first_id: str, second_id: str, *, titles: tuple[str, str] = ("", ""),
                 keep_both: bool = False, note: bool = True, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.entity = entity
        self.ids = (first_id, second_id)
        self.titles = (titles[0] or self.tr("Record A"), titles[1] or self.tr("Record B"))
        self.records: dict[str, dict] = {}
        self.choices: dict[str, QButtonGroup] = {}
        self._values: dict[str, dict[str, object]] = {}
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Which %1 survives, and with which values?").replace(
            "%1", entity_name(entity)), self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.heading)
        keep = QHBoxLayout()
        keep.addWidget(QLabel(self.tr("Keep:"), self))
        self.survivor = QButtonGroup(self)
        self.survivor_buttons = {}
        for rid, title in zip(self.ids, self.titles):
            button = QRadioButton(title, self)
            button.setProperty("record_id", rid)
            self.survivor.addButton(button)
            self.survivor_buttons[rid] = button
            keep.addWidget(button)
        keep.addStretch(1)
        self.survivor_buttons[second_id].setChecked(True)
        self.survivor.buttonToggled.connect(lambda _b, on: on and self._survivor_changed())
        layout.addLayout(keep)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(12)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        layout.addWidget(scroll, 3)
        layout.addWidget(header_label(self.tr("What hangs off each, and where it goes"), self))
        self.children_tree = QTreeWidget(self)
        self.children_tree.setObjectName("children")
        self.children_tree.setHeaderLabels([self.tr("Record"), self.tr("Goes to")])
        self.children_tree.setColumnWidth(0, 380)
        layout.addWidget(self.children_tree, 2)
        bottom = QHBoxLayout()
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note for the record (why you decided so)"))
        self.note.setVisible(note)
        bottom.addWidget(self.note, 1)
        self.merge_button = QPushButton(self.tr("Merge"), self)
        self.merge_button.setObjectName("merge")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge)
        bottom.addWidget(self.merge_button)
        self.keep_button = QPushButton(self.tr("Keep both"), self)
        self.keep_button.setObjectName("keep_both")
        self.keep_button.setVisible(keep_both)
        self.keep_button.clicked.connect(self._keep_both)
        bottom.addWidget(self.keep_button)
        layout.addLayout(bottom)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.preview: dict | None = None
        workspace.ops.query(merges.merge_preview, entity, first_id, second_id, on_done=self._arrived)

    # -- building -------------------------------------------------------------------
    def _arrived(self, preview: dict) -> None:
        self.preview = preview
        self.records = preview["records"]
        missing = [rid for rid, row in self.records.items() if row is None]
        if missing:
            self.show_error(self.tr("A record is not in this computer's copy yet (or was merged away already); "
                                    "sync and try again."))
            self.sig_loaded.emit()
            return
        for col, text in enumerate((self.tr("Field"), *self.titles)):
            self.grid.addWidget(header_label(text, self.grid_host), 0, col)
        row = 1
        first, second = (self.records[i] for i in self.ids)
        for name in preview["fields"]:
            a, b = first.get(name), second.get(name)
            if a in (None, "") and b in (None, ""):
                continue
            self.grid.addWidget(QLabel(field_name(name), self.grid_host), row, 0)
            labels = preview.get("labels") or {}
            if a == b:
                same = QLabel(shown(self.ws, self.entity, name, a, labels), self.grid_host)
                same.setWordWrap(True)
                self.grid.addWidget(same, row, 1, 1, 2)
            else:
                group = QButtonGroup(self.grid_host)
                group.setExclusive(True)
                self._values[name] = {}
                for col, (rid, value) in enumerate(zip(self.ids, (a, b)), start=1):
                    button = QRadioButton(shown(self.ws, self.entity, name, value, labels), self.grid_host)
                    button.setObjectName(f"pick_{name}_{col}")
                    button.setProperty("record_id", rid)
                    button.setStyleSheet(f"QRadioButton {{ background: {DIFFERENT}; padding: 2px 4px; }}")
                    group.addButton(button)
                    self._values[name][rid] = value
                    self.grid.addWidget(button, row, col)
                self.choices[name] = group
            row += 1
        self.grid.setRowStretch(row, 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self._survivor_changed()
        self.merge_button.setEnabled(True)
        self.sig_loaded.emit()

    def survivor_id(self) -> str:
        return self.survivor.checkedButton().property("record_id")

    def loser_id(self) -> str:
        return next(i for i in self.ids if i != self.survivor_id())

    def _survivor_changed(self) -> None:
        """Default each field to the survivor's value, or the other's where the survivor has none."""
        survivor, loser = self.survivor_id(), self.loser_id()
        for name, group in self.choices.items():
            pick = survivor if self._values[name][survivor] not in (None, "") else loser
            for button in group.buttons():
                button.setChecked(button.property("record_id") == pick)
        self._show_children()

    def _show_children(self) -> None:
        if self.preview is None:
            return
        self.children_tree.clear()
        survivor = self.survivor_id()
        survivor_title = self.titles[self.ids.index(survivor)]
        for rid, title in zip(self.ids, self.titles):
            groups = self.preview["children"].get(rid) or []
            total = sum(g["count"] for g in groups)
            top = QTreeWidgetItem([self.tr("%1: %n record(s)", "", total).replace("%1", title),
                                   self.tr("stay") if rid == survivor else self.tr("move to %1").replace(
                                       "%1", survivor_title)])
            self.children_tree.addTopLevelItem(top)
            for g in groups:
                item = QTreeWidgetItem([f"{entity_name(g['entity'])} × {g['count']}", ""])
                top.addChild(item)
                for child in g["items"]:
                    item.addChild(QTreeWidgetItem([child["label"], ""]))
                item.setExpanded(True)
            top.setExpanded(True)

    # -- deciding -------------------------------------------------------------------
    def choose(self, name: str, record_id: str) -> None:
        """Make `record_id`'s value of `name` the surviving one."""
        for button in self.choices[name].buttons():
            button.setChecked(button.property("record_id") == record_id)

    def request(self) -> dict:
        """The merge as the server takes it: the survivor, the loser, and the values the
        survivor takes over."""
        survivor = self.survivor_id()
        fields = {}
        for name, group in self.choices.items():
            picked = group.checkedButton().property("record_id")
            if picked != survivor:
                fields[name] = self._values[name][picked]
        request = {"entity": self.entity, "survivor_id": survivor, "loser_id": self.loser_id(), "fields": fields}
        if self.note.text().strip():
            request["note"] = self.note.text().strip()
        return request

    def merge(self) -> None:
        self._busy(True)
        self.message.hide()
        self.sig_merge.emit(self.request())

    def _keep_both(self) -> None:
        self._busy(True)
        self.sig_keep_both.emit()

    def _busy(self, on: bool) -> None:
        self.merge_button.setEnabled(not on and self.preview is not None)
        self.keep_button.setEnabled(not on)

    def show_error(self, text: str) -> None:
        self._busy(False)
        self.message.setText(text)
        self.message.show()

