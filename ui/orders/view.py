"""One order: its credit check (and finance's release or refusal when it failed), the
billing plan editor, invoicing a milestone, the order's invoices and its change requests."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from app.errors import DomainError, ValidationError
from app.queries import orders as order_queries
from app.queries.read_unit import read
from app.services import invoices, orders
from ui import formatting
from ui.comment_prompt import ask_comment
from ui.orders.credit_box import CreditBox
from ui.orders.plan_editor import PlanEditor
from ui.records.dict_view import small_table
from ui.records.rows_model import GOOD, OVERDUE, WARNING, Col, RowsModel
from ui.roles import is_finance

PLAN_EDITABLE = ("pending_credit", "confirmed")


class OrderView(QDialog):
    """`sig_loaded()` after each (re)load; `sig_open(entity, id)` to show an invoice, a
    quote or a change request."""

    sig_loaded = Signal()
    sig_open = Signal(str, str)

    def __init__(self, workspace, order_id: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.order_id = order_id
        self.data: dict = {}
        self.busy = False
        self.plan_dirty = False
        self.resize(1100, 780)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("orderStatus")
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        layout.addLayout(head)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        top = QHBoxLayout()
        self.credit = CreditBox(self)
        top.addWidget(self.credit)
        decision = QGroupBox(self.tr("Credit release"), self)
        dl = QVBoxLayout(decision)
        self.hold = QLabel(decision)
        self.hold.setWordWrap(True)
        dl.addWidget(self.hold)
        row = QHBoxLayout()
        self.release_button = QPushButton(self.tr("Release credit…"), decision)
        self.refuse_button = QPushButton(self.tr("Refuse credit…"), decision)
        row.addWidget(self.release_button)
        row.addWidget(self.refuse_button)
        dl.addLayout(row)
        dl.addStretch(1)
        top.addWidget(decision, 1)
        layout.addLayout(top)

        split = QSplitter(Qt.Orientation.Vertical, self)
        plan_box = QGroupBox(self.tr("Billing plan"), split)
        pl = QVBoxLayout(plan_box)
        self.plan = PlanEditor(plan_box)
        pl.addWidget(self.plan)
        plan_actions = QHBoxLayout()
        self.save_plan_button = QPushButton(self.tr("Save plan"), plan_box)
        self.invoice_button = QPushButton(self.tr("Draft invoice for milestone"), plan_box)
        plan_actions.addWidget(self.invoice_button)
        plan_actions.addStretch(1)
        plan_actions.addWidget(self.save_plan_button)
        pl.addLayout(plan_actions)
        split.addWidget(plan_box)

        lower = QWidget(split)
        ll = QHBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        inv_box = QGroupBox(self.tr("Invoices"), lower)
        il = QVBoxLayout(inv_box)
        money = lambda key: (lambda r: formatting.money(r.get(key), r.get("currency")))  # noqa: E731
        self.invoices = RowsModel([
            Col("number", self.tr("Number"), lambda r: r["number"] or self.tr("(not issued)")),
            Col("kind", self.tr("Kind"), lambda r: formatting.status(r["kind"])),
            Col("status", self.tr("Status"), lambda r: formatting.status(r["status"])),
            Col("total_minor", self.tr("Total"), money("total_minor"), right=True),
            Col("open_minor", self.tr("Open"), money("open_minor"), right=True),
            Col("due_on", self.tr("Due")),
        ], self)
        self.invoices_view = small_table(self.invoices, inv_box)
        il.addWidget(self.invoices_view)
        ll.addWidget(inv_box, 3)
        cr_box = QGroupBox(self.tr("Change requests"), lower)
        cl = QVBoxLayout(cr_box)
        self.changes = RowsModel([
            Col("description", self.tr("Change")),
            Col("delta", self.tr("Amount"), lambda r: ("+" if r["amount_delta_minor"] > 0 else "")
                + formatting.money(r["amount_delta_minor"], self.data.get("order", {}).get("currency")), right=True),
            Col("days", self.tr("Days"), lambda r: f"{r['date_delta_days']:+d}" if r["date_delta_days"] else "",
                right=True),
            Col("status", self.tr("Status"), lambda r: formatting.status(r["status"]),
                colour=lambda r: {"approved": GOOD, "rejected": OVERDUE, "open": WARNING}.get(r["status"], "")),
        ], self)
        self.changes_view = small_table(self.changes, cr_box)
        cl.addWidget(self.changes_view)
        self.change_button = QPushButton(self.tr("New change request…"), cr_box)
        cl.addWidget(self.change_button)
        ll.addWidget(cr_box, 2)
        split.addWidget(lower)
        layout.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.quote_button = QPushButton(self.tr("Open quote"), self)
        self.cancel_button = QPushButton(self.tr("Cancel order…"), self)
        self.complete_button = QPushButton(self.tr("Mark completed"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for b in (self.quote_button, self.cancel_button, self.complete_button):
            bottom.addWidget(b)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

        self.release_button.clicked.connect(self.release)
        self.refuse_button.clicked.connect(self.refuse)
        self.save_plan_button.clicked.connect(self.save_plan)
        self.invoice_button.clicked.connect(self.draft_invoice)
        self.plan.sig_changed.connect(self._plan_edited)
        self.plan.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.invoices_view.doubleClicked.connect(
            lambda i: self.sig_open.emit("invoice", self.invoices.row(i.row())["id"]))
        self.changes_view.doubleClicked.connect(
            lambda i: self.sig_open.emit("change_request", self.changes.row(i.row())["id"]))
        self.change_button.clicked.connect(self.change_request)
        self.quote_button.clicked.connect(
            lambda: self.data.get("quote") and self.sig_open.emit("quote", self.data["quote"]["id"]))
        self.cancel_button.clicked.connect(self.cancel_order)
        self.complete_button.clicked.connect(lambda: self._run(orders.complete_order, self.order_id,
                                                               done=self.tr("The order is completed.")))
        self.close_button.clicked.connect(self.reject)
        workspace.events.sig_changed.connect(self._changed_elsewhere)
        self.load()

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        self.ws.ops.submit(read, self.ws.store, order_queries.order_view, self.order_id, on_done=self._arrived,
                           latest=(self, "_arrived"),
                           on_error=lambda exc: self._say(getattr(exc, "message", str(exc)), error=True))

    def _changed_elsewhere(self, names: set) -> None:
        if not self.busy and not self.plan_dirty and names & {"order", "billing_milestone", "invoice", "approval",
                                                             "change_request", "sync"}:
            self.load()

    def _arrived(self, data: dict) -> None:
        self.data = data
        o, customer = data["order"], data["customer"] or {}
        self.title.setText(self.tr("Order %1 · %2 · %3").replace("%1", o["number"] or "")
                           .replace("%2", customer.get("name", "")).replace("%3", formatting.money(o["total_minor"],
                                                                                                o["currency"])))
        self.setWindowTitle(self.title.text())
        self.status.setText(f"{formatting.status(o['status'])} · {self.tr('credit')} {formatting.status(o['credit_status'])}")
        colour = OVERDUE if o["status"] in ("pending_credit", "cancelled") else GOOD
        self.status.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.credit.set_check(data["credit_check"])
        if o["status"] == "pending_credit":
            approval = data["credit_approval"]
            self.hold.setText(self.tr("The credit check failed when the order was made; it waits for finance to "
                                      "release or refuse it.") + (f"\n{approval['reason']}" if approval else ""))
        elif o["credit_status"] in ("released", "refused"):
            self.hold.setText(self.tr("Finance %1 this order's credit.").replace(
                "%1", self.tr("released") if o["credit_status"] == "released" else self.tr("refused")))
        else:
            self.hold.setText(self.tr("Within the credit limit: nothing to release."))
        self.plan.set_plan(data["plan"], o["total_minor"], o["currency"], read_only=o["status"] not in PLAN_EDITABLE)
        self.plan_dirty = False
        self.invoices.set_rows(data["invoices"])
        self.changes.set_rows(data["change_requests"])
        self._update_actions()
        self.sig_loaded.emit()

    def _update_actions(self) -> None:
        o = self.data.get("order", {})
        status = o.get("status")
        idle = not self.busy and bool(self.data)
        held = status == "pending_credit" and o.get("credit_status") == "needs_approval"
        # Only finance decides credit (the services refuse anyone else), and only a held order.
        for button in (self.release_button, self.refuse_button):
            button.setVisible(is_finance(self.ws) and held)
            button.setEnabled(idle and held)
        self.save_plan_button.setEnabled(idle and self.plan_dirty and self.plan.balanced())
        milestone = self.selected_milestone()
        self.invoice_button.setEnabled(idle and status == "confirmed" and not self.plan_dirty
                                       and bool(milestone.get("id")) and not milestone.get("invoice_id"))
        self.change_button.setEnabled(idle and status in PLAN_EDITABLE)
        self.cancel_button.setEnabled(idle and status in PLAN_EDITABLE)
        self.complete_button.setEnabled(idle and status == "confirmed" and bool(self.data.get("plan"))
                                        and all(m["invoice_id"] for m in self.data["plan"]))
        self.quote_button.setEnabled(bool(self.data.get("quote")))

    def selected_milestone(self) -> dict:
        index = self.plan.table.currentIndex()
        return self.plan.model.row(index.row()) if index.isValid() else {}

    # -- actions ------------------------------------------------------------------------
    def _plan_edited(self) -> None:
        self.plan_dirty = True
        self._update_actions()

    def _run(self, fn, *args, done: str = "", then=None, **kwargs) -> None:
        if self.busy:
            return
        self.busy = True
        self._update_actions()

        def finished(result):
            self.busy = False
            self.plan_dirty = False
            self._say(done, good=True)
            self.load()
            if then is not None:
                then(result)

        self.ws.ops.service(fn, *args, **kwargs, on_done=finished, on_error=self._failed)

    def save_plan(self) -> None:
        if not self.plan.balanced():
            self._say(self.tr("The billing plan must add up to the order total."), error=True)
            return
        self._run(orders.set_billing_plan, self.order_id, self.plan.model.milestones(),
                  done=self.tr("Billing plan saved."))

    def release(self) -> None:
        comment = ask_comment(self, self.tr("Release credit"), self.tr("Why is this order released? (optional)"))
        if comment is not None:
            self._run(orders.release_credit, self.order_id, comment or None,
                      done=self.tr("Credit released: the order is confirmed."))

    def refuse(self) -> None:
        comment = ask_comment(self, self.tr("Refuse credit"), self.tr("Why is the credit refused?"), required=True)
        if comment:
            self._run(orders.refuse_credit, self.order_id, comment,
                      done=self.tr("Credit refused: the order is cancelled."))

    def draft_invoice(self) -> None:
        milestone = self.selected_milestone()
        if milestone.get("id") and not milestone.get("invoice_id"):
            self._run(invoices.draft_invoice_from_milestone, milestone["id"],
                      done=self.tr("Invoice drafted for “%1”.").replace("%1", milestone["label"]),
                      then=lambda inv: self.sig_open.emit("invoice", inv["id"]))

    def cancel_order(self) -> None:
        reason = ask_comment(self, self.tr("Cancel order"), self.tr("Why is the order cancelled?"), required=True)
        if reason:
            self._run(orders.cancel_order, self.order_id, reason, done=self.tr("The order is cancelled."))

    def change_request(self):
        from ui.change_requests.dialog import ChangeRequestDialog

        dialog = ChangeRequestDialog(self.ws, "order", self.order_id, self)
        dialog.open()
        return dialog

    def _failed(self, exc) -> None:
        self.busy = False
        self._update_actions()
        if isinstance(exc, ValidationError):
            text = "; ".join(exc.fields.values())
        else:
            text = exc.message if isinstance(exc, DomainError) else str(exc)
        self._say(self.tr("Nothing was saved: %1").replace("%1", text), error=True)

    def _say(self, text: str, *, error: bool = False, good: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {OVERDUE if error else GOOD if good else WARNING};")
        self.message.setVisible(bool(text))
