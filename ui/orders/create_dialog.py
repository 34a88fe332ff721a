"""Making the order from an accepted quote: its number and signing date, the billing plan,
and the credit check shown before it is made (an order over the limit waits for
finance's release)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app import clock
from app.errors import DomainError, ValidationError
from app.queries import orders as order_queries
from app.queries.read_unit import read
from app.services import orders
from ui import formatting
from ui.orders.credit_box import CreditBox
from ui.orders.plan_editor import PlanEditor
from ui.records.rows_model import OVERDUE


class OrderCreateDialog(QDialog):
    """`sig_loaded()` once the quote and credit figures are here; `sig_created(order)`
    (the order plus its "credit_check") after the order is made."""

    sig_loaded = Signal()
    sig_created = Signal(dict)

    def __init__(self, workspace, quote_id: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.quote_id = quote_id
        self.data: dict = {}
        self.setWindowTitle(self.tr("New order"))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.title)
        form = QFormLayout()
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("e.g. the contract number"))
        self.signed_on = QLineEdit(clock.today().isoformat(), self)
        self.signed_on.setPlaceholderText("YYYY-MM-DD")
        form.addRow(self.tr("Order number"), self.number)
        form.addRow(self.tr("Signed on"), self.signed_on)
        layout.addLayout(form)
        self.credit = CreditBox(self)
        layout.addWidget(self.credit)
        layout.addWidget(QLabel(self.tr("Billing plan (must add up to the order total):"), self))
        self.plan = PlanEditor(self)
        layout.addWidget(self.plan, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {OVERDUE};")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(self.tr("Create order"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setEnabled(False)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self.plan.model.sig_remainder.connect(lambda _m: self._update())
        workspace.ops.submit(read, workspace.store, order_queries.order_draft, quote_id, on_done=self._arrived)

    def _arrived(self, data: dict) -> None:
        self.data = data
        q = data["quote"]
        self.title.setText(self.tr("Order for %1 · quote r%2 · %3").replace("%1", (data["customer"] or {}).get("name", ""))
                           .replace("%2", str(q["revision"])).replace("%3", formatting.money(q["total_minor"],
                                                                                              q["currency"])))
        self.credit.set_check(data["credit_check"])
        self.plan.set_plan([{"label": self.tr("Full amount"), "percent_bp": 10_000,
                             "due_on": self.signed_on.text().strip() or None}], q["total_minor"], q["currency"])
        self._update()
        self.sig_loaded.emit()

    def _update(self) -> None:
        self.create_button.setEnabled(bool(self.data) and self.plan.balanced())

    def create(self) -> None:
        if not self.plan.balanced():
            self.message.setText(self.tr("The billing plan must add up to the order total."))
            return
        values = {"quote_id": self.quote_id, "number": self.number.text().strip() or None}
        signed = self.signed_on.text().strip()
        if signed:
            try:
                values["signed_on"] = clock.parse_date(signed).isoformat()
            except ValueError:
                self.message.setText(self.tr("Signed on: must be a date (YYYY-MM-DD)"))
                return
        self.create_button.setEnabled(False)
        self.ws.ops.service(orders.create_order, values, milestones=self.plan.model.milestones(),
                            on_done=self._created, on_error=self._failed)

    def _created(self, order: dict) -> None:
        self.sig_created.emit(order)
        self.accept()

    def _failed(self, exc) -> None:
        self._update()
        if isinstance(exc, ValidationError):
            self.message.setText(self.tr("Nothing was saved: %1").replace(
                "%1", "; ".join(f"{k}: {v}" for k, v in exc.fields.items())))
        elif isinstance(exc, DomainError):
            self.message.setText(self.tr("Nothing was saved: %1").replace("%1", exc.message))
        else:
            self.message.setText(str(exc))
