"""A change request's impact as figures: the current total, the change, the new total,
what is already invoiced, the date shift and, for an order, the plan still to invoice."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel

from ui import formatting
from ui.records.rows_model import OVERDUE

ROWS = ("current_total_minor", "amount_delta_minor", "new_total_minor", "invoiced_minor", "remaining_minor",
        "date_delta_days")


class ImpactBox(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(self.tr("Impact"), parent)
        grid = QGridLayout(self)
        labels = {"current_total_minor": self.tr("Current total"), "amount_delta_minor": self.tr("Change"),
                  "new_total_minor": self.tr("New total"), "invoiced_minor": self.tr("Already invoiced"),
                  "remaining_minor": self.tr("Plan still to invoice"), "date_delta_days": self.tr("Dates move by")}
        self.values: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        for i, key in enumerate(ROWS):
            name = QLabel(labels[key], self)
            value = QLabel(self)
            value.setObjectName(f"impact_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(150)
            grid.addWidget(name, i, 0)
            grid.addWidget(value, i, 1)
            self.values[key], self.names[key] = value, name
        self.plan = QLabel(self)
        self.plan.setWordWrap(True)
        self.plan.setStyleSheet("color: #616e7c;")
        grid.addWidget(self.plan, len(ROWS), 0, 1, 2)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {OVERDUE}; font-weight: bold;")
        grid.addWidget(self.warning, len(ROWS) + 1, 0, 1, 2)

    def set_impact(self, impact: dict, currency: str) -> None:
        """`impact` as change_requests.with_impact gives it (remaining_plan and
        remaining_minor for an order)."""
        money = lambda v: formatting.money(v, currency)  # noqa: E731
        delta = impact.get("amount_delta_minor") or 0
        days = impact.get("date_delta_days") or 0
        self.values["current_total_minor"].setText(money(impact.get("current_total_minor") or 0))
        self.values["amount_delta_minor"].setText(("+" if delta > 0 else "") + money(delta))
        new_total = impact.get("new_total_minor", (impact.get("current_total_minor") or 0) + delta)
        self.values["new_total_minor"].setText(money(new_total))
        self.values["invoiced_minor"].setText(money(impact.get("invoiced_minor") or 0))
        self.values["date_delta_days"].setText(self.tr("%1 day(s)").replace("%1", f"{days:+d}") if days else "—")
        has_plan = "remaining_minor" in impact
        self.values["remaining_minor"].setVisible(has_plan)
        self.names["remaining_minor"].setVisible(has_plan)
        if has_plan:
            self.values["remaining_minor"].setText(money(impact["remaining_minor"]))
            self.plan.setText("\n".join(f"• {m['label']}: {money(m['amount_minor'])}"
                                        + (f" ({self.tr('due')} {m['due_on']})" if m.get("due_on") else "")
                                        for m in impact.get("remaining_plan") or []))
        else:
            self.plan.setText("")
        below = new_total < (impact.get("invoiced_minor") or 0)
        self.warning.setText(self.tr("The new total would be below what is already invoiced: it cannot be approved.")
                             if below else "")
