"""Two revisions of a quote side by side: lines added, removed or changed (the changed
values marked), and how every total moved (app/services/quote_comparison.py)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout

from app.queries.read_unit import read
from app.services.quote_comparison import compare_quotes
from ui import amounts, formatting
from ui.records.dict_view import small_table
from ui.records.rows_model import GOOD, MUTED, OVERDUE, WARNING, Col, RowsModel

STATUS_COLOURS = {"added": GOOD, "removed": OVERDUE, "changed": WARNING, "same": MUTED}


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuoteComparison", text)


def status_text(status: str) -> str:
    return {"same": _tr("Same"), "changed": _tr("Changed"), "added": _tr("Added"),
            "removed": _tr("Removed")}.get(status, status)


class ComparisonModel(RowsModel):
    """One row per paired line: revision A's values, revision B's, the change in total."""

    def __init__(self, currency: str, revisions: tuple[int, int], parent=None):
        super().__init__([], parent)
        self.currency = currency
        a, b = revisions

        def side(s: str, key: str, fmt):
            def text(row):
                line = row.get(s)
                return fmt(line[key]) if line and line.get(key) is not None else ""

            def colour(row):
                return WARNING if key in row.get("changes", {}) else ""
            return text, colour

        cols = [Col("status", _tr("Change"), lambda r: status_text(r["status"]),
                    colour=lambda r: STATUS_COLOURS.get(r["status"], ""))]
        for s, rev in (("a", a), ("b", b)):
            for key, label, fmt, right in (
                    ("description", _tr("Description"), str, False),
                    ("quantity_milli", _tr("Qty"), amounts.quantity, True),
                    ("unit_price_minor", _tr("Unit price"), self._money, True),
                    ("discount_bp", _tr("Disc."), amounts.percent, True),
                    ("total_minor", _tr("Total"), self._money, True)):
                text, colour = side(s, key, fmt)
                cols.append(Col(f"{s}_{key}", f"r{rev} {label}", text, right=right, colour=colour))
        cols.append(Col("delta", _tr("Δ Total"), lambda r: self._signed(r["delta_total_minor"]), right=True,
                        colour=lambda r: GOOD if r["delta_total_minor"] < 0 else OVERDUE if r["delta_total_minor"] > 0
                        else ""))
        self.columns = cols

    def _money(self, minor) -> str:
        return formatting.money(minor, self.currency)

    def _signed(self, minor: int) -> str:
        return ("+" if minor > 0 else "") + formatting.money(minor, self.currency) if minor else ""


class TotalsComparisonModel(RowsModel):
    """The totals of both revisions and the change of each."""

    LABELS = (("subtotal_minor", "Subtotal"), ("discount_minor", "Discount"), ("tax_minor", "VAT"),
              ("total_minor", "Total"), ("max_discount_bp", "Largest line discount"))

    def __init__(self, currency: str, revisions: tuple[int, int], parent=None):
        super().__init__([], parent, row_bold=lambda r: r["key"] == "total_minor")
        self.currency = currency
        a, b = revisions
        fmt = self._fmt
        self.columns = [
            Col("label", _tr("Figure")),
            Col("a", f"r{a}", lambda r: fmt(r["key"], r["a"]), right=True),
            Col("b", f"r{b}", lambda r: fmt(r["key"], r["b"]), right=True),
            Col("delta", _tr("Change"), lambda r: ("+" if r["delta"] > 0 else "") + fmt(r["key"], r["delta"])
                if r["delta"] else "", right=True),
        ]

    def _fmt(self, key: str, value: int) -> str:
        return amounts.percent(value) if key == "max_discount_bp" else formatting.money(value, self.currency)

    def set_totals(self, totals: dict) -> None:
        self.set_rows([{"key": key, "label": _tr(label), **totals[key]} for key, label in self.LABELS])


class CompareDialog(QDialog):
    """Compare quote `a_id` (the older) with `b_id`; loads in the background."""

    def __init__(self, workspace, a_id: str, b_id: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.setWindowTitle(self.tr("Compare quote revisions"))
        self.resize(1200, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.lines = None
        self.totals = None
        self.lines_view = small_table(None, self)
        self.totals_view = small_table(None, self)
        self.totals_view.setMaximumHeight(190)
        layout.addWidget(self.lines_view, 3)
        layout.addWidget(self.totals_view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.comparison: dict | None = None
        workspace.ops.submit(read, workspace.store, compare_quotes, a_id, b_id, on_done=self._arrived,
                             on_error=self._failed)

    def _arrived(self, result: dict) -> None:
        self.comparison = result
        a, b = result["a"], result["b"]
        revisions = (a["revision"], b["revision"])
        self.lines = ComparisonModel(b["currency"], revisions, self)
        self.lines.set_rows(result["lines"])
        self.totals = TotalsComparisonModel(b["currency"], revisions, self)
        self.totals.set_totals(result["totals"])
        self.lines_view.setModel(self.lines)
        self.totals_view.setModel(self.totals)
        self.lines_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        counts = result["counts"]
        delta = result["totals"]["total_minor"]["delta"]
        self.summary.setText(self.tr("Revision %1 against revision %2: %3 changed, %4 added, %5 removed, %6 the same. "
                                     "Total %7 → %8 (%9).")
                             .replace("%1", str(b["revision"])).replace("%2", str(a["revision"]))
                             .replace("%3", str(counts["changed"])).replace("%4", str(counts["added"]))
                             .replace("%5", str(counts["removed"])).replace("%6", str(counts["same"]))
                             .replace("%7", formatting.money(a["total_minor"], a["currency"]))
                             .replace("%8", formatting.money(b["total_minor"], b["currency"]))
                             .replace("%9", ("+" if delta > 0 else "") + formatting.money(delta, b["currency"])))

    def _failed(self, exc) -> None:
        self.summary.setText(getattr(exc, "message", str(exc)))
