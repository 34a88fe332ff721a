"""The billing plan editor: milestones given as a percentage or an amount, with due dates;
the remainder (what the plan still lacks, or has too much, against the order total) is
shown while typing, and the plan can only be saved when it is zero.

Amounts of percentage milestones are worked out as the order service does: an all-
percentage plan with money.split_by_percent (the last milestone takes the rounding
remainder), otherwise each percentage rounded with money.div_round. Milestones already
invoiced are fixed."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import clock
from app.rules import money
from ui import amounts, formatting
from ui.records.dict_view import small_table
from ui.records.rows_model import GOOD, MUTED, OVERDUE, Col, RowsModel


class BillingPlanModel(RowsModel):
    """`sig_remainder(minor)` after every change: order total less the planned amounts."""

    sig_remainder = Signal(int)
    sig_changed = Signal()
    sig_refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.total = 0
        self.currency = "CNY"
        self.read_only = False
        self.columns = [
            Col("label", self.tr("Milestone"), editable=True),
            Col("percent_bp", self.tr("Percent"), self._percent_text, right=True, editable=True,
                colour=lambda r: MUTED if r.get("mode") != "percent" else ""),
            Col("amount_minor", self.tr("Amount"), lambda r: formatting.money(r.get("amount_minor"), self.currency),
                right=True, editable=True, colour=lambda r: MUTED if r.get("mode") == "percent" else ""),
            Col("due_on", self.tr("Due on"), editable=True),
            Col("invoice", self.tr("Invoice"), self._invoice_text,
                tip=lambda r: self.tr("Invoiced: this milestone is fixed") if r.get("invoice_id") else ""),
        ]

    # -- content ----------------------------------------------------------------------
    def set_plan(self, milestones: list[dict], total: int, currency: str) -> None:
        self.total, self.currency = total, currency or "CNY"
        rows = []
        for m in milestones:
            mode = "percent" if m.get("percent_bp") is not None and not m.get("invoice_id") else "amount"
            rows.append({"id": m.get("id"), "label": m.get("label") or "", "percent_bp": m.get("percent_bp"),
                         "amount_minor": m.get("amount_minor"), "due_on": m.get("due_on"), "mode": mode,
                         "invoice_id": m.get("invoice_id"), "invoice_number": m.get("invoice_number"),
                         "invoice_status": m.get("invoice_status")})
        self.set_rows(rows)
        self._recompute()

    def remainder(self) -> int:
        return self.total - sum(r["amount_minor"] or 0 for r in self.rows)

    def percent_total(self) -> int:
        return sum(r["percent_bp"] or 0 for r in self.rows if r["mode"] == "percent")

    def milestones(self) -> list[dict]:
        """The plan as set_billing_plan takes it (an invoiced milestone by its id alone)."""
        out = []
        for r in self.rows:
            if r.get("invoice_id"):
                out.append({"id": r["id"]})
                continue
            m = {"label": r["label"], "due_on": r["due_on"]}
            if r.get("id"):
                m["id"] = r["id"]
            if r["mode"] == "percent":
                m["percent_bp"] = r["percent_bp"]
            else:
                m["amount_minor"] = r["amount_minor"]
            out.append(m)
        return out

    def add_milestone(self) -> int:
        """A new milestone for what the plan still lacks: the missing percentage in an
        all-percentage plan, else the remaining amount."""
        at = len(self.rows)
        all_percent = all(r["mode"] == "percent" for r in self.rows)
        row = {"id": None, "label": self.tr("Milestone %1").replace("%1", str(at + 1)), "due_on": None,
               "invoice_id": None, "invoice_number": None, "invoice_status": None, "percent_bp": None,
               "amount_minor": None}
        if all_percent and self.rows:
            row.update(mode="percent", percent_bp=max(10_000 - self.percent_total(), 0))
        elif not self.rows:
            row.update(mode="percent", percent_bp=10_000)
        else:
            row.update(mode="amount", amount_minor=max(self.remainder(), 0))
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.append(row)
        self.endInsertRows()
        self._recompute()
        self.sig_changed.emit()
        return at

    def remove_milestone(self, row: int) -> bool:
        if self.read_only or not 0 <= row < len(self.rows) or self.rows[row].get("invoice_id"):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self._recompute()
        self.sig_changed.emit()
        return True

    # -- editing ----------------------------------------------------------------------
    def can_edit(self, row: int, key: str) -> bool:
        return not self.read_only and not self.rows[row].get("invoice_id")

    def edit_text(self, row: dict, col: Col) -> str:
        if col.key == "amount_minor":
            return formatting.money(row.get("amount_minor"), self.currency).lstrip("¥$€£") \
                if row.get("amount_minor") is not None else ""
        if col.key == "percent_bp":
            return amounts.percent(row.get("percent_bp")).rstrip("%") if row.get("mode") == "percent" else ""
        return self.display(row, col)

    def edit(self, row: int, key: str, value) -> bool:
        text = "" if value is None else str(value).strip()
        r = self.rows[row]
        try:
            if key == "label":
                if not text:
                    raise ValueError(self.tr("is required"))
                r["label"] = text
            elif key == "percent_bp":
                bp = amounts.parse_percent(text)
                if bp <= 0:
                    raise ValueError(self.tr("must be above 0%"))
                r.update(mode="percent", percent_bp=bp)
            elif key == "amount_minor":
                minor = formatting.parse_money(text, self.currency)
                if minor is None or minor < 0:
                    raise ValueError(self.tr("must be an amount of zero or more"))
                r.update(mode="amount", amount_minor=minor, percent_bp=None)
            elif key == "due_on":
                r["due_on"] = clock.parse_date(text).isoformat() if text else None
            else:
                return False
        except ValueError as exc:
            message = str(exc) if key != "due_on" else self.tr("must be a date (YYYY-MM-DD)")
            self.sig_refused.emit(f"{self.columns[self.column_of(key)].header}: {message}")
            return False
        self._recompute()
        self.sig_changed.emit()
        return True

    def _recompute(self) -> None:
        percent_rows = [r for r in self.rows if r["mode"] == "percent"]
        if self.rows and len(percent_rows) == len(self.rows) and self.percent_total() == 10_000:
            for r, amount in zip(self.rows, money.split_by_percent(self.total, [r["percent_bp"] for r in self.rows])):
                r["amount_minor"] = amount
        else:
            for r in percent_rows:
                r["amount_minor"] = money.div_round(self.total * (r["percent_bp"] or 0), 10_000)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))
        self.sig_remainder.emit(self.remainder())

    def _percent_text(self, r: dict) -> str:
        if r.get("mode") == "percent":
            return amounts.percent(r.get("percent_bp"))
        if self.total and r.get("amount_minor") is not None:
            return f"({amounts.percent(money.div_round(r['amount_minor'] * 10_000, self.total))})"
        return ""

    def _invoice_text(self, r: dict) -> str:
        if not r.get("invoice_id"):
            return ""
        return f"{r.get('invoice_number') or self.tr('draft')} · {formatting.status(r.get('invoice_status'))}"


class PlanEditor(QWidget):
    """The plan table with add/remove and the remainder line. `sig_changed()` on edits."""

    sig_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = BillingPlanModel(self)
        self.table = small_table(self.model, self, editable=True)
        for i, w in enumerate((260, 90, 150, 120)):
            self.table.setColumnWidth(i, w)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add milestone"), self)
        self.remove_button = QPushButton(self.tr("Remove milestone"), self)
        self.remainder = QLabel(self)
        self.remainder.setObjectName("planRemainder")
        self.message = QLabel(self)
        self.message.setStyleSheet(f"color: {OVERDUE};")
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.message, 1)
        row.addWidget(self.remainder)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.model.add_milestone)
        self.remove_button.clicked.connect(self._remove)
        self.model.sig_remainder.connect(self._show_remainder)
        self.model.sig_changed.connect(lambda: (self.message.clear(), self.sig_changed.emit()))
        self.model.sig_refused.connect(self.message.setText)

    def set_plan(self, milestones: list[dict], total: int, currency: str, *, read_only: bool = False) -> None:
        self.model.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
        self.model.set_plan(milestones, total, currency)

    def balanced(self) -> bool:
        return bool(self.model.rows) and self.model.remainder() == 0

    def _remove(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and not self.model.remove_milestone(index.row()):
            self.message.setText(self.tr("An invoiced milestone stays on the plan."))

    def _show_remainder(self, minor: int) -> None:
        currency = self.model.currency
        total = formatting.money(self.model.total, currency)
        if minor == 0:
            text, colour = self.tr("Plan complete: %1").replace("%1", total), GOOD
        elif minor > 0:
            text = self.tr("Still to plan: %1 of %2").replace("%1", formatting.money(minor, currency)).replace("%2", total)
            colour = OVERDUE
        else:
            text = self.tr("Over the order total by %1").replace("%1", formatting.money(-minor, currency))
            colour = OVERDUE
        self.remainder.setText(text)
        self.remainder.setStyleSheet(f"color: {colour}; font-weight: bold;")
