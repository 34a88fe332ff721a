"""Customer 360: overview, contacts, deals, activity timeline, documents and history."""
from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QHBoxLayout, QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout,
    QWidget,
)

from app.queries import customers as customer_queries
from app.services import activities as activity_services
from ui import formatting
from ui.activities.log_dialog import log_activity_dialog, task_dialog
from ui.customers.editor import contact_editor, customer_editor
from ui.invoices.customer_documents import CustomerDocuments
from ui.records.dict_model import DictTableModel
from ui.records.export_menu import customer_export_button

WATCHED = {"customer", "contact", "deal", "activity", "quote", "order", "invoice", "payment", "payment_allocation",
           "sync"}


def _table(model, parent) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


def problem_text(problems: list[dict]) -> str:
    """Sync problems as lines a person can read, with the values involved."""
    lines = []
    for p in problems:
        head = {"conflict": "⚠ Conflict", "rejected": "⛔ Rejected"}.get(p["kind"], p["kind"])
        lines.append(f"{head}: {p.get('message') or ''}".strip())
        details = p.get("details") or {}
        fields = details.get("fields") if isinstance(details, dict) else None
        if isinstance(fields, dict):
            for name, values in fields.items():
                if isinstance(values, dict):
                    parts = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in values.items())
                    lines.append(f"    {name} — {parts}")
                else:
                    lines.append(f"    {name} — {values}")
        elif isinstance(details, dict) and details.get("changes"):
            lines.append("    " + json.dumps(details["changes"], ensure_ascii=False))
    return "\n".join(lines)


class Customer360(QWidget):
    """`sig_open(entity, id)` to open a related record; `sig_back()` to return to the list."""

    sig_open = Signal(str, str)
    sig_back = Signal()

    def __init__(self, workspace, customer_id: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.customer_id = customer_id
        self.data: dict = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back"), self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.badge = QLabel(self)
        self.badge.setStyleSheet("color: #c62828; font-weight: bold;")
        top.addWidget(self.back_button)
        top.addWidget(self.title)
        top.addWidget(self.badge)
        top.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.contact_button = QPushButton(self.tr("New contact"), self)
        self.deal_button = QPushButton(self.tr("New deal"), self)
        self.log_button = QPushButton(self.tr("Log activity"), self)
        self.task_button = QPushButton(self.tr("New task"), self)
        for b in (self.edit_button, self.contact_button, self.deal_button, self.log_button, self.task_button):
            top.addWidget(b)
        self.export_button = customer_export_button(workspace, customer_id, self)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)

        overview = QWidget(self)
        self.form = QFormLayout(overview)
        self.labels = {}
        for key, label in (("owner", self.tr("Owner")), ("status", self.tr("Status")),
                           ("industry", self.tr("Industry")), ("phone", self.tr("Phone")),
                           ("email", self.tr("E-mail")), ("credit_code", self.tr("Credit code")),
                           ("credit_limit", self.tr("Credit limit")), ("receivables", self.tr("Open receivables")),
                           ("pipeline", self.tr("Open pipeline")), ("parent", self.tr("Parent company")),
                           ("address", self.tr("Address")), ("sync", self.tr("Sync"))):
            value = QLabel(overview)
            value.setObjectName(f"overview_{key}")
            value.setWordWrap(True)
            self.form.addRow(label, value)
            self.labels[key] = value
        self.tabs.addTab(overview, self.tr("Overview"))

        money = lambda r: formatting.money(r.get("amount_minor"), r.get("currency"))  # noqa: E731
        self.contacts = DictTableModel([
            ("name", self.tr("Name"), None), ("title", self.tr("Title"), None), ("phone", self.tr("Phone"), None),
            ("email", self.tr("E-mail"), None), ("is_primary", self.tr("Primary"), lambda r: "✓" if r["is_primary"] else ""),
        ], self)
        self.deals = DictTableModel([
            ("name", self.tr("Deal"), None), ("stage", self.tr("Stage"), lambda r: formatting.stage(r["stage"])),
            ("amount", self.tr("Amount"), money), ("expected_close", self.tr("Expected close"), None),
        ], self)
        now = self.ws.now_iso
        self.timeline = DictTableModel([
            ("at", self.tr("When"), lambda r: formatting.local_datetime(r["at"])),
            ("kind", self.tr("Kind"), lambda r: formatting.kind(r["kind"])), ("subject", self.tr("Subject"), None),
            ("deal_name", self.tr("Deal"), None),
            ("state", self.tr("State"), lambda r: self.tr("Done") if r["done_at"] else (
                self.tr("Overdue") if r["due_at"] and r["due_at"] < now() else self.tr("Open"))),
        ], self, colour=lambda r: "#c62828" if r["kind"] == "task" and not r["done_at"] and r["due_at"]
                  and r["due_at"] < now() else "")
        self.history = DictTableModel([
            ("at", self.tr("When"), lambda r: formatting.local_datetime(r["at"])), ("who", self.tr("Who"), None),
            ("action", self.tr("Action"), None), ("field", self.tr("Field"), None),
            ("old", self.tr("From"), lambda r: _json_text(r["old"])), ("new", self.tr("To"), lambda r: _json_text(r["new"])),
            ("origin", self.tr("How"), None),
        ], self)
        self.contacts_view = _table(self.contacts, self)
        self.deals_view = _table(self.deals, self)
        self.timeline_view = _table(self.timeline, self)
        self.history_view = _table(self.history, self)
        self.tabs.addTab(self.contacts_view, self.tr("Contacts"))
        self.tabs.addTab(self.deals_view, self.tr("Deals"))
        timeline_box = QWidget(self)
        tl = QVBoxLayout(timeline_box)
        tl.setContentsMargins(0, 0, 0, 0)
        self.done_button = QPushButton(self.tr("Mark task done"), timeline_box)
        tl.addWidget(self.done_button)
        tl.addWidget(self.timeline_view)
        self.tabs.addTab(timeline_box, self.tr("Activities"))
        # The documents area (ui/invoices/customer_documents.py): receivables, quotes to payments.
        self.documents_box = CustomerDocuments(workspace, customer_id, self)
        self.documents, self.documents_view = self.documents_box.model, self.documents_box.view
        self.documents_note = self.documents_box.note
        self.documents_box.sig_open.connect(self.sig_open)
        self.tabs.addTab(self.documents_box, self.tr("Documents"))
        self.tabs.addTab(self.history_view, self.tr("History"))

        self.back_button.clicked.connect(self.sig_back)
        self.edit_button.clicked.connect(self.edit)
        self.contact_button.clicked.connect(self.new_contact)
        self.deal_button.clicked.connect(self.new_deal)
        self.log_button.clicked.connect(self.log_activity)
        self.task_button.clicked.connect(self.new_task)
        self.done_button.clicked.connect(self.mark_done)
        self.contacts_view.doubleClicked.connect(lambda i: self.edit_contact(self.contacts.row(i.row())))
        self.deals_view.doubleClicked.connect(lambda i: self.sig_open.emit("deal", self.deals.row(i.row())["id"]))
        workspace.events.sig_changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        self.ws.ops.query(customer_queries.view, self.customer_id, on_done=self._arrived, latest=(self, "_arrived"))
        self.documents_box.reload()

    def _changed(self, names: set) -> None:
        if names & WATCHED:
            self.reload()

    def _arrived(self, data: dict | None) -> None:
        if data is None:
            self.title.setText(self.tr("This customer no longer exists."))
            for b in (self.edit_button, self.contact_button, self.deal_button, self.log_button, self.task_button):
                b.setEnabled(False)
            return
        self.data = data
        o = data["overview"]
        self.title.setText(o["name"])
        self.labels["owner"].setText(o.get("owner_name") or "")
        self.labels["status"].setText(formatting.status(o.get("status")))
        self.labels["industry"].setText(self.ws.label("industry", o.get("industry")))
        self.labels["phone"].setText(o.get("phone") or "")
        self.labels["email"].setText(o.get("email") or "")
        self.labels["credit_code"].setText(o.get("credit_code") or "")
        self.labels["credit_limit"].setText(formatting.money(o.get("credit_limit_minor"), o.get("currency")))
        self.labels["receivables"].setText(formatting.totals({r["currency"]: r["open_minor"] for r in o["receivables"]}))
        self.labels["pipeline"].setText(
            self.tr("%n open deal(s)", "", sum(r["deals"] for r in o["pipeline"])) + " · "
            + formatting.totals({r["currency"]: r["amount_minor"] for r in o["pipeline"]}))
        self.labels["parent"].setText(o.get("parent_name") or "")
        self.labels["address"].setText(o.get("address") or "")
        problems = data["problems"]
        self.labels["sync"].setText(problem_text(problems) or self.tr("In sync with this computer's copy"))
        self.badge.setText("⚠" if problems else "")
        self.badge.setToolTip(problem_text(problems))
        self.contacts.set_rows(data["contacts"])
        self.deals.set_rows(data["deals"])
        self.timeline.set_rows(data["timeline"])
        self.documents_box.set_documents(data["documents"], o["name"])
        self.history.set_rows(data["history"])

    # -- actions ----------------------------------------------------------------------
    def _name(self) -> str:
        return self.data.get("overview", {}).get("name", "")

    def edit(self) -> None:
        if self.data:
            customer_editor(self.ws, self, self.data["overview"]).open()

    def new_contact(self) -> None:
        contact_editor(self.ws, self, customer_id=self.customer_id, customer_name=self._name()).open()

    def edit_contact(self, row: dict) -> None:
        if row:
            contact_editor(self.ws, self, {**row, "customer_id": self.customer_id}).open()

    def new_deal(self) -> None:
        from ui.deals.editor import deal_editor

        deal_editor(self.ws, self, customer_id=self.customer_id, customer_name=self._name()).open()

    def log_activity(self) -> None:
        log_activity_dialog(self.ws, self, customer_id=self.customer_id, about=self._name()).open()

    def new_task(self) -> None:
        task_dialog(self.ws, self, customer_id=self.customer_id, about=self._name()).open()

    def mark_done(self) -> None:
        index = self.timeline_view.currentIndex()
        row = self.timeline.row(index.row()) if index.isValid() else {}
        if row and not row.get("done_at"):
            self.ws.ops.service(activity_services.complete, row["id"])


def _json_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
