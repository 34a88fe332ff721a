"""The lead editor."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services import leads
from ui.editors.fields import FieldDef
from ui.editors.record_editor import RecordEditor


def lead_fields() -> list[FieldDef]:
    return [
        FieldDef("company_name", "Company"),
        FieldDef("contact_name", "Contact"),
        FieldDef("title", "Title"),
        FieldDef("phone", "Phone"),
        FieldDef("email", "E-mail"),
        FieldDef("credit_code", "Credit code"),
        FieldDef("industry", "Industry", "vocab:industry"),
        FieldDef("source", "Source", "vocab:lead_source"),
        FieldDef("notes", "Notes", "notes"),
    ]


def save_lead(uow, values: dict, record: dict, **_options) -> dict:
    if record.get("id"):
        return leads.update_lead(uow, record["id"], values)
    return leads.create_lead(uow, values)


def lead_editor(workspace, parent=None, record: dict | None = None) -> RecordEditor:
    title = (QCoreApplication.translate("LeadEditor", "Edit lead") if record and record.get("id")
             else QCoreApplication.translate("LeadEditor", "New lead"))
    return RecordEditor(workspace, "lead", lead_fields(), save_lead, record=record, title=title, parent=parent)
