"""Log a call, visit or meeting, or add a task, from anywhere a customer or deal is shown."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services import activities
from ui import formatting
from ui.editors.fields import FieldDef
from ui.editors.record_editor import RecordEditor


def _t(text: str) -> str:
    return QCoreApplication.translate("ActivityDialog", text)


LOG_KINDS = [("call", "Call"), ("visit", "Visit"), ("meeting", "Meeting"), ("email", "E-mail"), ("note", "Note")]


def _save_logged(uow, values: dict, record: dict, **_options) -> dict:
    if record.get("id"):
        return activities.update_activity(uow, record["id"], values)
    values = {**{k: record.get(k) for k in ("customer_id", "deal_id", "contact_id", "lead_id") if record.get(k)},
              **values}
    kind = values.pop("kind", None) or "call"
    subject = values.pop("subject", None)
    return activities.log_activity(uow, kind, subject, **values)


def _save_task(uow, values: dict, record: dict, **_options) -> dict:
    if record.get("id"):
        return activities.update_activity(uow, record["id"], values)
    values = {**{k: record.get(k) for k in ("customer_id", "deal_id", "contact_id", "lead_id") if record.get(k)},
              **values}
    return activities.create_task(uow, values.pop("subject", None), values.pop("due_at", None), **values)


def log_activity_dialog(workspace, parent=None, *, customer_id: str | None = None, deal_id: str | None = None,
                        kind: str = "call", about: str = "") -> RecordEditor:
    """A dialog that logs something that happened (done now) about a customer or deal."""
    fields = [FieldDef("kind", "Kind", "choice", choices=[(k, formatting.kind(k)) for k, _label in LOG_KINDS],
                       required=True),
              FieldDef("subject", "Subject", required=True), FieldDef("notes", "Notes", "notes")]
    record = {"customer_id": customer_id, "deal_id": deal_id}
    dialog = RecordEditor(workspace, "activity", fields, _save_logged, record=record, parent=parent,
                          title=_t("Log activity") + (f" · {about}" if about else ""))
    dialog.creating = True
    index = dialog.widgets["kind"].findData(kind)
    dialog.widgets["kind"].setCurrentIndex(max(index, 0))
    dialog._initial = dialog._snapshot()
    return dialog


def task_dialog(workspace, parent=None, *, customer_id: str | None = None, deal_id: str | None = None,
                about: str = "", record: dict | None = None) -> RecordEditor:
    """A dialog for a task with a due date and time (local)."""
    fields = [FieldDef("subject", "Subject", required=True), FieldDef("due_at", "Due", "datetime", required=True),
              FieldDef("notes", "Notes", "notes")]
    base = dict(record or {"customer_id": customer_id, "deal_id": deal_id})
    dialog = RecordEditor(workspace, "activity", fields, _save_task, record=base, parent=parent,
                          title=(_t("Edit task") if base.get("id") else _t("New task")) + (f" · {about}" if about else ""))
    dialog.creating = not base.get("id")
    return dialog
