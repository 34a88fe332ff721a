"""The collections list: overdue invoices with the person to call and the last reminder;
logging a reminder is one click (app/services/collections.log_reminder)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.queries import collections as collection_queries
from app.services import collections
from ui import formatting
from ui.records.dict_view import small_table
from ui.records.rows_model import OVERDUE, WARNING, Col, RowsModel


class CollectionsView(QWidget):
    """`sig_open(entity, id)` for an invoice or a customer; `sig_loaded()` after a load."""

    sig_open = Signal(str, str)
    sig_loaded = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self._dirty = True
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.mine = QCheckBox(self.tr("Only my customers"), self)
        self.mine.setChecked(workspace.actor.role == "rep")
        self.summary = QLabel(self)
        self.remind_button = QPushButton(self.tr("Log reminder"), self)
        self.remind_button.setToolTip(self.tr("Record that the selected invoice's customer was reminded (now)."))
        self.open_button = QPushButton(self.tr("Open invoice"), self)
        top.addWidget(self.mine)
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.remind_button)
        layout.addLayout(top)
        money = lambda key: (lambda r: formatting.money(r[key], r["currency"]))  # noqa: E731
        self.model = RowsModel([
            Col("number", self.tr("Invoice")),
            Col("customer_name", self.tr("Customer")),
            Col("days_past_due", self.tr("Days late"), right=True, colour=lambda r: OVERDUE),
            Col("open_minor", self.tr("Open"), money("open_minor"), right=True, colour=lambda r: OVERDUE),
            Col("contact", self.tr("Call"), lambda r: " · ".join(filter(None, [r["contact_name"], r["contact_title"]]))),
            Col("contact_phone", self.tr("Phone")),
            Col("last", self.tr("Last reminder"), lambda r: (formatting.local_datetime(r["last_reminder_at"])
                                                              + (f" · {r['last_reminder_by']}" if r["last_reminder_by"]
                                                                 else "")) if r["last_reminder_at"] else self.tr("never"),
                tip=lambda r: r["last_reminder_subject"] or ""),
            Col("reminders", self.tr("Reminders"), right=True),
            Col("reminder_due", self.tr("Next step"), lambda r: self.tr("Remind now") if r["reminder_due"]
                else self.tr("Reminded recently"), colour=lambda r: WARNING if r["reminder_due"] else ""),
        ], self)
        self.view = small_table(self.model, self)
        for i, w in enumerate((140, 210, 70, 115, 140, 125, 150, 75)):
            self.view.setColumnWidth(i, w)
        layout.addWidget(self.view, 1)
        self.message = QLabel(self)
        layout.addWidget(self.message)
        self.mine.toggled.connect(lambda _on: self.refresh())
        self.remind_button.clicked.connect(self.log_reminder)
        self.open_button.clicked.connect(self._open_selected)
        self.view.doubleClicked.connect(lambda i: self.sig_open.emit("invoice", self.model.row(i.row())["id"]))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        workspace.events.sig_changed.connect(self._changed)
        self._update_actions()

    def start(self) -> None:
        if self._dirty:
            self.refresh()

    def _changed(self, names: set) -> None:
        if names & {"invoice", "activity", "payment_allocation", "contact", "sync"}:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        target = self.ws.dictionary.number("handoff_target_hours", "collection", 168)
        owner = self.ws.actor.id if self.mine.isChecked() else None
        self.ws.ops.query(collection_queries.collections, target_hours=target, owner_id=owner,
                          on_done=self._arrived, latest=(self, "_arrived"))

    def _arrived(self, rows: list[dict]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        if selected:
            at = next((i for i, r in enumerate(rows) if r["id"] == selected["id"]), -1)
            if at >= 0:
                self.view.selectRow(at)
        due = sum(1 for r in rows if r["reminder_due"])
        self.summary.setText(self.tr("%1 overdue invoice(s), %2 to remind now").replace("%1", str(len(rows)))
                             .replace("%2", str(due)))
        self._update_actions()
        self.sig_loaded.emit()

    def selected(self) -> dict:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else {}

    def _update_actions(self) -> None:
        has = bool(self.selected())
        self.remind_button.setEnabled(has)
        self.open_button.setEnabled(has)

    def _open_selected(self) -> None:
        row = self.selected()
        if row:
            self.sig_open.emit("invoice", row["id"])

    def log_reminder(self) -> None:
        """One click: a reminder activity about the selected invoice, to its contact."""
        row = self.selected()
        if not row:
            return
        self.remind_button.setEnabled(False)
        self.ws.ops.service(collections.log_reminder, row["id"], contact_id=row["contact_id"],
                            on_done=lambda _a: self.message.setText(self.tr("Reminder logged for %1.").replace(
                                "%1", row["number"] or "")),
                            on_error=lambda exc: self.message.setText(getattr(exc, "message", str(exc))))
