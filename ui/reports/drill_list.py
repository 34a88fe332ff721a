"""The list behind a bar: the deals or invoices a chart's bar counted, found by the same
rules (app.reports.drill.record_ids), shown as a normal list (sort, filter, export, open)."""
from __future__ import annotations

import dataclasses
import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.queries import deals, invoices
from app.reports.drill import record_ids
from ui.records.list_view import RecordListView

SPECS = {"deal": deals.LIST, "invoice": invoices.LIST}


def drill_spec(entity: str):
    """The entity's list limited to the ids in the `drill_ids` parameter (a JSON array)."""
    spec = SPECS[entity]
    where = f"{spec.id_sql} IN (SELECT value FROM json_each(:drill_ids))"
    return dataclasses.replace(spec, where=f"({spec.where}) AND {where}" if spec.where else where)


def drill_ids(store, drill: dict) -> list[str]:
    """The ids behind `drill` (runs in the background)."""
    dictionary = store.dictionary()
    with store.read() as session:
        return record_ids(session, drill, dictionary=dictionary)


class DrillList(QWidget):
    """`sig_back()` to return to the charts; `sig_open(entity, id)` to open a record;
    `sig_loaded(count)` once the list shows its records."""

    sig_back = Signal()
    sig_open = Signal(str, str)
    sig_loaded = Signal(int)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.list: RecordListView | None = None
        self.ids: list[str] = []
        self.entity: str | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the charts"), self)
        self.back_button.clicked.connect(self.sig_back)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.title.setWordWrap(True)
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        layout.addLayout(head)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)

    def show_drill(self, title: str, drill: dict):
        """Find and list the records behind `drill`; returns the background task."""
        self._generation += 1
        generation = self._generation
        self.title.setText(title + " — " + self.tr("finding the records…"))
        self.entity = drill["entity"]
        return self.ws.ops.submit(drill_ids, self.ws.store, drill,
                                  on_done=lambda ids: self._found(generation, title, drill["entity"], ids))

    def _found(self, generation: int, title: str, entity: str, ids: list[str]) -> None:
        if generation != self._generation:
            return
        self.ids = ids
        if self.list is not None:
            self.body.removeWidget(self.list)
            self.list.deleteLater()
        noun = self.tr("%n deal(s)", "", len(ids)) if entity == "deal" else self.tr("%n invoice(s)", "", len(ids))
        self.title.setText(f"{title} — {noun}")
        self.list = RecordListView(self.ws, drill_spec(entity), self, params={"drill_ids": json.dumps(ids)})
        self.list.sig_open.connect(lambda rid: self.sig_open.emit(entity, rid))
        self.list.model.sig_loaded.connect(lambda count, _s: self.sig_loaded.emit(count))
        self.body.addWidget(self.list)
        self.list.start()
