"""Products and the price list: everyone reads it (offline too); an administrator adds,
edits, deactivates and deletes products."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.errors import ValidationError
from app.queries import products as product_queries
from app.queries.read_unit import read
from app.services import products
from ui import amounts
from ui.editors.fields import FieldDef
from ui.editors.record_editor import RecordEditor
from ui.records.page import ListPage
from ui.roles import is_admin

ADMIN = ("admin",)


def _t(text: str) -> str:
    return QCoreApplication.translate("ProductEditor", text)


def product_fields() -> list[FieldDef]:
    return [FieldDef("code", "Code", roles=ADMIN), FieldDef("name", "Name", required=True, roles=ADMIN),
            FieldDef("series", "Series", roles=ADMIN), FieldDef("unit", "Unit", roles=ADMIN),
            FieldDef("unit_price_minor", "List price (excl. VAT)", "money", required=True, roles=ADMIN),
            FieldDef("currency", "Currency", roles=ADMIN), FieldDef("tax_rate", "VAT rate (%)", roles=ADMIN),
            FieldDef("active", "Offered on new quotes", "bool", roles=ADMIN),
            FieldDef("description", "Description", "notes", roles=ADMIN)]


def save_product(uow, values: dict, record: dict, **_options) -> dict:
    values = dict(values)
    if "tax_rate" in values:
        try:
            values["tax_rate_bp"] = amounts.parse_percent(values.pop("tax_rate") or "0")
        except ValueError as exc:
            raise ValidationError({"tax_rate": str(exc)}) from None
    if record.get("id"):
        return products.update_product(uow, record["id"], values)
    return products.create_product(uow, values)


def product_editor(workspace, parent=None, record: dict | None = None) -> RecordEditor:
    record = dict(record or {"currency": "CNY", "active": True, "tax_rate_bp": 1300})
    record["tax_rate"] = amounts.percent(record.get("tax_rate_bp")).rstrip("%")
    title = _t("Edit product") if record.get("id") else _t("New product")
    return RecordEditor(workspace, "product", product_fields(), save_product, record=record, title=title,
                        parent=parent)


class ProductsPage(ListPage):
    def __init__(self, workspace, parent=None):
        super().__init__(workspace, product_queries.LIST, self.tr("Products and price list"), parent)
        if is_admin(workspace):
            self.add_button(self.tr("New product"), self.new_product)
            self.add_button(self.tr("Edit"), lambda: self.edit(self.list.current_id()), needs_selection=True)
            self.add_button(self.tr("Delete"), self.delete_selected, needs_selection=True)
        self.list.sig_open.connect(self.edit)

    def start(self, filter_key: str | None = None) -> None:
        super().start(filter_key or ("active" if not self._started else None))

    def new_product(self):
        dialog = product_editor(self.ws, self)
        dialog.open()
        return dialog

    def edit(self, product_id: str | None) -> None:
        """Open the product (read-only for anyone but an administrator)."""
        if product_id:
            self.ws.ops.submit(read, self.ws.store, lambda uow: uow.require("product", product_id),
                               on_done=lambda p: product_editor(self.ws, self, p).open())

    def delete_selected(self) -> None:
        product_id = self.list.current_id()
        if not product_id:
            return
        answer = QMessageBox.question(self, self.tr("Delete product"),
                                      self.tr("Delete this product? One already on quotes is kept; deactivate it "
                                              "instead."), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.ws.ops.service(products.delete_product, product_id)
