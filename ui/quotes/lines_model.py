"""The quote editor's lines: an editable table whose amounts and totals come from the
shared money rules (app/rules/money.py) after every keystroke that changes a line, so
what the editor shows is what the quote service will store."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from app.rules import money
from ui import amounts, formatting
from ui.records.rows_model import Col, RowsModel

STANDARD_VAT_BP = 1300
LINE_KEYS = ("product_id", "description", "quantity_milli", "unit_price_minor", "discount_bp", "tax_rate_bp")


def product_label(product: dict) -> str:
    code = product.get("code")
    return f"{code} · {product['name']}" if code else product["name"]


class QuoteLinesModel(RowsModel):
    """`sig_totals(DocumentTotals)` after any change of the lines; `sig_changed()` when a
    person changed something; `sig_refused(message)` when a typed value was not taken."""

    sig_totals = Signal(object)
    sig_changed = Signal()
    sig_refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.currency = "CNY"
        self.products: dict[str, dict] = {}
        self.read_only = False
        money_text = lambda key: (lambda r: formatting.money(r.get(key), self.currency))  # noqa: E731
        self.columns = [
            Col("product_id", self.tr("Product"), lambda r: self._product_text(r.get("product_id")), editable=True),
            Col("description", self.tr("Description"), editable=True),
            Col("quantity_milli", self.tr("Quantity"), lambda r: amounts.quantity(r.get("quantity_milli")),
                right=True, editable=True),
            Col("unit_price_minor", self.tr("Unit price"), money_text("unit_price_minor"), right=True, editable=True),
            Col("discount_bp", self.tr("Discount"), lambda r: amounts.percent(r.get("discount_bp")), right=True,
                editable=True),
            Col("tax_rate_bp", self.tr("VAT"), lambda r: amounts.percent(r.get("tax_rate_bp")), right=True,
                editable=True),
            Col("net_minor", self.tr("Net"), money_text("net_minor"), right=True),
            Col("tax_minor", self.tr("Tax"), money_text("tax_minor"), right=True),
            Col("total_minor", self.tr("Total"), money_text("total_minor"), right=True),
        ]

    # -- content ----------------------------------------------------------------------
    def set_lines(self, lines: list[dict], products: list[dict], currency: str) -> None:
        """Show stored lines (their ids kept so a save updates them)."""
        self.currency = currency or "CNY"
        self.products = {p["id"]: p for p in products}
        rows = []
        for line in lines:
            row = {k: line.get(k) for k in LINE_KEYS}
            row["id"] = line.get("id")
            rows.append(self._priced(row))
        self.set_rows(rows)
        self.sig_totals.emit(self.totals())

    def lines(self) -> list[dict]:
        """The lines as the save service takes them, in display order."""
        out = []
        for row in self.rows:
            line = {k: row.get(k) for k in LINE_KEYS}
            if row.get("id"):
                line["id"] = row["id"]
            out.append(line)
        return out

    def totals(self) -> money.DocumentTotals:
        complete = [r for r in self.rows if r.get("quantity_milli") and r.get("unit_price_minor") is not None]
        return money.document_totals(complete)

    def add_line(self, product_id: str | None = None) -> int:
        """Append a line (from a product of the price list, or blank); returns its row."""
        # A blank line starts at the standard VAT rate, as a new product does.
        row = {"id": None, "product_id": None, "description": "", "quantity_milli": 1000, "unit_price_minor": None,
               "discount_bp": 0, "tax_rate_bp": STANDARD_VAT_BP}
        at = len(self.rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.append(self._priced(row))
        self.endInsertRows()
        if product_id:
            self._apply_product(at, product_id)
        self._after_change(at)
        return at

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self.rows) or self.read_only:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self.sig_totals.emit(self.totals())
        self.sig_changed.emit()

    # -- editing ----------------------------------------------------------------------
    def can_edit(self, row: int, key: str) -> bool:
        return not self.read_only

    def edit_text(self, row: dict, col: Col) -> str:
        if col.key == "unit_price_minor":
            return formatting.money(row.get("unit_price_minor"), self.currency).lstrip("¥$€£") \
                if row.get("unit_price_minor") is not None else ""
        if col.key == "product_id":
            return row.get("product_id") or ""
        return self.display(row, col)

    def edit(self, row: int, key: str, value) -> bool:
        text = "" if value is None else str(value)
        try:
            if key == "product_id":
                if text and text not in self.products:
                    raise ValueError(self.tr("is not a product of the price list"))
                self._apply_product(row, text or None)
            elif key == "description":
                self.rows[row]["description"] = text.strip()
            elif key == "quantity_milli":
                self.rows[row]["quantity_milli"] = amounts.parse_quantity(text)
            elif key == "unit_price_minor":
                price = formatting.parse_money(text, self.currency)
                if price is None:
                    raise ValueError(self.tr("is required"))
                self.rows[row]["unit_price_minor"] = price
            elif key in ("discount_bp", "tax_rate_bp"):
                self.rows[row][key] = amounts.parse_percent(text) if text.strip() else 0
            else:
                return False
        except ValueError as exc:
            header = self.columns[self.column_of(key)].header
            self.sig_refused.emit(f"{header}: {exc}")
            return False
        self._after_change(row)
        return True

    def _apply_product(self, row: int, product_id: str | None) -> None:
        """Pick a product: its name, list price (when priced in the quote's currency) and
        tax rate fill the line, as the quote service fills a line added by product."""
        line = self.rows[row]
        old = self.products.get(line.get("product_id") or "")
        line["product_id"] = product_id
        product = self.products.get(product_id or "")
        if product is None:
            return
        if not line.get("description") or (old and line["description"] == old["name"]):
            line["description"] = product["name"]
        if product["currency"] == self.currency:
            line["unit_price_minor"] = product["unit_price_minor"]
        line["tax_rate_bp"] = product["tax_rate_bp"]

    def _after_change(self, row: int) -> None:
        self.rows[row] = self._priced(self.rows[row])
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.sig_totals.emit(self.totals())
        self.sig_changed.emit()

    @staticmethod
    def _priced(row: dict) -> dict:
        """The line with its net, tax and total from money.line_amounts (blank until it
        has a quantity and a price)."""
        if not row.get("quantity_milli") or row.get("unit_price_minor") is None:
            return {**row, "net_minor": None, "tax_minor": None, "total_minor": None}
        a = money.line_amounts(row["quantity_milli"], row["unit_price_minor"], row.get("discount_bp") or 0,
                               row.get("tax_rate_bp") or 0)
        return {**row, "net_minor": a.net_minor, "tax_minor": a.tax_minor, "total_minor": a.total_minor}

    def _product_text(self, product_id: str | None) -> str:
        product = self.products.get(product_id or "")
        return product_label(product) if product else ""


class ProductDelegate(QStyledItemDelegate):
    """Edits a line's product with a list of the price list's products."""

    def __init__(self, model: QuoteLinesModel, parent=None):
        super().__init__(parent)
        self.lines = model

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        box.addItem(self.tr("(no product)"), "")
        for product in self.lines.products.values():
            if product.get("active", True) or product["id"] == self.lines.row(index.row()).get("product_id"):
                price = formatting.money(product["unit_price_minor"], product["currency"])
                box.addItem(f"{product_label(product)}  {price}", product["id"])
        return box

    def setEditorData(self, editor, index):
        at = editor.findData(self.lines.row(index.row()).get("product_id") or "")
        editor.setCurrentIndex(max(at, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)
