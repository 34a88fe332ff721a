"""A list page: a title, the feature's action buttons and a RecordListView."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.records.list_view import RecordListView


class ListPage(QWidget):
    def __init__(self, workspace, spec, title: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        label = QLabel(title, self)
        label.setStyleSheet("font-size: 18px; font-weight: bold;")
        head.addWidget(label)
        head.addStretch(1)
        self.actions_bar = head
        layout.addLayout(head)
        self.list = RecordListView(workspace, spec, self)
        layout.addWidget(self.list)
        self._started = False

    def add_button(self, text: str, slot, *, needs_selection: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        self.actions_bar.addWidget(button)
        if needs_selection:
            button.setEnabled(False)
            self.list.table.selectionModel().selectionChanged.connect(
                lambda *_: button.setEnabled(bool(self.list.selected_ids())))
            self.list.model.modelReset.connect(lambda: button.setEnabled(bool(self.list.selected_ids())))
        return button

    def start(self, filter_key: str | None = None) -> None:
        """Load the list the first time the page is shown (or with a saved filter)."""
        if not self._started or filter_key:
            self._started = True
            self.list.start(filter_key)
