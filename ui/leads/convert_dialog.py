"""Converting a lead: the possible existing customers first, then customer + contact + deal."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QRadioButton, QVBoxLayout,
)

from app.errors import DomainError, DuplicateFound
from app.services import leads
from ui import formatting


class ConvertDialog(QDialog):
    """`sig_converted(result)` with {"lead", "customer", "contact", "deal"} after a conversion."""

    sig_converted = Signal(dict)

    def __init__(self, workspace, lead: dict, matches: list[dict], parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.lead = lead
        self.setWindowTitle(self.tr("Convert lead"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        name = lead.get("company_name") or lead.get("contact_name") or ""
        layout.addWidget(QLabel(self.tr("Convert “%1” into a customer, a contact and a deal.").replace("%1", name), self))
        self.new_radio = QRadioButton(self.tr("Create a new customer"), self)
        self.existing_radio = QRadioButton(self.tr("Attach to an existing customer:"), self)
        group = QButtonGroup(self)
        group.addButton(self.new_radio)
        group.addButton(self.existing_radio)
        self.matches = QListWidget(self)
        for m in matches:
            reasons = ", ".join(m.get("reasons") or [])
            item = QListWidgetItem(f"{m.get('name') or m['id']}  ({self.tr('same')} {reasons})", self.matches)
            item.setData(Qt.ItemDataRole.UserRole, m["id"])
        if matches:
            layout.addWidget(QLabel(self.tr("These existing customers look like the same company:"), self))
            self.matches.setCurrentRow(0)
            self.existing_radio.setChecked(True)
        else:
            self.new_radio.setChecked(True)
            self.existing_radio.setEnabled(False)
            self.matches.hide()
        layout.addWidget(self.existing_radio)
        layout.addWidget(self.matches)
        layout.addWidget(self.new_radio)
        form = QFormLayout()
        self.deal_name = QLineEdit(f"{name} - " + self.tr("new deal"), self)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText("0.00")
        form.addRow(self.tr("Deal"), self.deal_name)
        form.addRow(self.tr("Amount"), self.amount)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Convert"))
        self.buttons.accepted.connect(self.convert)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def convert(self) -> None:
        try:
            amount = formatting.parse_money(self.amount.text())
        except ValueError as exc:
            self._fail(self.tr("Amount") + ": " + str(exc))
            return
        deal = {"name": self.deal_name.text().strip() or None}
        if amount is not None:
            deal["amount_minor"] = amount
        deal = {k: v for k, v in deal.items() if v is not None}
        customer_id = None
        if self.existing_radio.isChecked() and self.matches.currentItem() is not None:
            customer_id = self.matches.currentItem().data(Qt.ItemDataRole.UserRole)
        self.buttons.setEnabled(False)
        self.ws.ops.service(leads.convert, self.lead["id"], customer_id=customer_id, deal=deal,
                            allow_duplicate=customer_id is None, on_done=self._done, on_error=self._failed)

    def _done(self, result: dict) -> None:
        self.buttons.setEnabled(True)
        self.sig_converted.emit(result)
        self.accept()

    def _failed(self, exc) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, DuplicateFound):
            self._fail(exc.message)
        elif isinstance(exc, DomainError):
            self._fail(exc.message)
        else:
            self._fail(str(exc))

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
