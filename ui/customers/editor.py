"""The customer and contact editors."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.rules.states import CUSTOMER_STATES
from app.services import customers
from ui import formatting
from ui.editors.fields import FieldDef
from ui.editors.record_editor import RecordEditor


def _t(text: str) -> str:
    return QCoreApplication.translate("CustomerEditor", text)


def customer_fields() -> list[FieldDef]:
    return [
        FieldDef("name", "Name", required=True),
        FieldDef("phone", "Phone"),
        FieldDef("email", "E-mail"),
        FieldDef("credit_code", "Credit code"),
        FieldDef("industry", "Industry", "vocab:industry"),
        FieldDef("status", "Status", "choice", choices=[(s, formatting.status(s)) for s in CUSTOMER_STATES]),
        FieldDef("address", "Address"),
        FieldDef("parent_id", "Parent company", "customer"),
        FieldDef("credit_limit_minor", "Credit limit", "money", roles=("finance", "admin")),
        FieldDef("notes", "Notes", "notes"),
    ]


def save_customer(uow, values: dict, record: dict, allow_duplicate: bool = False) -> dict:
    if record.get("id"):
        return customers.update_customer(uow, record["id"], values)
    return customers.create_customer(uow, values, allow_duplicate=allow_duplicate)


def customer_editor(workspace, parent=None, record: dict | None = None) -> RecordEditor:
    title = _t("Edit customer") if record and record.get("id") else _t("New customer")
    return RecordEditor(workspace, "customer", customer_fields(), save_customer, record=record or {"status": "active"},
                        title=title, parent=parent)


def contact_fields(with_customer: bool) -> list[FieldDef]:
    fields = [FieldDef("customer_id", "Customer", "customer", required=True)] if with_customer else []
    return fields + [
        FieldDef("name", "Name", required=True),
        FieldDef("title", "Title"),
        FieldDef("phone", "Phone"),
        FieldDef("email", "E-mail"),
        FieldDef("is_primary", "Primary contact", "bool"),
        FieldDef("notes", "Notes", "notes"),
    ]


def save_contact(uow, values: dict, record: dict, **_options) -> dict:
    if record.get("id"):
        return customers.update_contact(uow, record["id"], values)
    if record.get("customer_id") and "customer_id" not in values:
        values = {**values, "customer_id": record["customer_id"]}
    return customers.create_contact(uow, values)


def contact_editor(workspace, parent=None, record: dict | None = None, *, customer_id: str | None = None,
                   customer_name: str = "") -> RecordEditor:
    record = dict(record or {})
    if customer_id:
        record.setdefault("customer_id", customer_id)
        record.setdefault("customer_name", customer_name)
    title = _t("Edit contact") if record.get("id") else _t("New contact")
    return RecordEditor(workspace, "contact", contact_fields(with_customer=not customer_id and not record.get("id")),
                        save_contact, record=record, title=title, parent=parent)
