"""The credit check as figures: the customer's limit, open receivables, this order, the
exposure they make together, and whether it passes (app/services/orders.credit_check)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel

from ui import formatting
from ui.records.rows_model import GOOD, OVERDUE


class CreditBox(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(self.tr("Credit check"), parent)
        grid = QGridLayout(self)
        self.values: dict[str, QLabel] = {}
        rows = (("credit_limit_minor", self.tr("Credit limit")),
                ("open_receivables_minor", self.tr("Open receivables")),
                ("order_minor", self.tr("This order")), ("exposure_minor", self.tr("Exposure")))
        for i, (key, label) in enumerate(rows):
            value = QLabel(self)
            value.setObjectName(f"credit_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(140)
            grid.addWidget(QLabel(label, self), i, 0)
            grid.addWidget(value, i, 1)
            self.values[key] = value
        self.result = QLabel(self)
        self.result.setObjectName("credit_result")
        self.result.setWordWrap(True)
        grid.addWidget(self.result, len(rows), 0, 1, 2)

    def set_check(self, check: dict | None) -> None:
        """Show a credit check's figures (None: nothing to check)."""
        if not check:
            for value in self.values.values():
                value.setText("")
            self.result.setText("")
            return
        currency = check.get("currency") or "CNY"
        for key, value in self.values.items():
            if key == "credit_limit_minor" and check.get(key) is None:
                value.setText(self.tr("none set"))
            else:
                value.setText(formatting.money(check.get(key), currency))
        passed = check.get("passed")
        verdict = self.tr("Passed") if passed else self.tr("Over the limit: finance must release the order")
        self.result.setText(f"{verdict} — {check.get('reason') or ''}".rstrip(" —"))
        self.result.setStyleSheet(f"color: {GOOD if passed else OVERDUE}; font-weight: bold;")
