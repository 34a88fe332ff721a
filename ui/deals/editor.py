"""The deal editor and the stage-move dialog (asks for what the new stage requires)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.rules.states import OPEN_STAGES
from app.rules.validation import deal_stage_requirements
from app.services import deals
from ui import formatting
from ui.editors.fields import FieldDef
from ui.editors.record_editor import RecordEditor


def _t(text: str) -> str:
    return QCoreApplication.translate("DealEditor", text)


def deal_fields(with_customer: bool, creating: bool) -> list[FieldDef]:
    fields = [FieldDef("customer_id", "Customer", "customer", required=True)] if with_customer else []
    fields += [FieldDef("name", "Deal", required=True)]
    if creating:
        fields.append(FieldDef("stage", "Stage", "choice", choices=[(s, formatting.stage(s)) for s in OPEN_STAGES],
                               required=True))
    return fields + [
        FieldDef("amount_minor", "Amount", "money"),
        FieldDef("expected_close", "Expected close", "date"),
        FieldDef("probability", "Probability (%)", "integer"),
        FieldDef("notes", "Notes", "notes"),
    ]


def save_deal(uow, values: dict, record: dict, **_options) -> dict:
    if record.get("id"):
        return deals.update_deal(uow, record["id"], values)
    if record.get("customer_id") and "customer_id" not in values:
        values = {**values, "customer_id": record["customer_id"]}
    return deals.create_deal(uow, values)


def deal_editor(workspace, parent=None, record: dict | None = None, *, customer_id: str | None = None,
                customer_name: str = "") -> RecordEditor:
    record = dict(record or {"stage": "prospecting"})
    if customer_id:
        record.update(customer_id=customer_id, customer_name=customer_name)
    creating = not record.get("id")
    title = _t("New deal") if creating else _t("Edit deal")
    return RecordEditor(workspace, "deal", deal_fields(creating and not customer_id, creating), save_deal,
                        record=record, title=title, parent=parent)


def missing_for(stage: str, deal: dict) -> list[str]:
    """Fields the person must give to move `deal` to `stage` (closing dates default to today)."""
    return [name for name in deal_stage_requirements(stage)
            if name != "closed_on" and deal.get(name) in (None, "")]


def stage_dialog(workspace, deal: dict, stage: str, parent=None) -> RecordEditor:
    """Ask for the fields `stage` requires (the lost reason for lost), then move the deal."""
    labels = {"amount_minor": ("Amount", "money"), "expected_close": ("Expected close", "date"),
              "lost_reason": ("Lost reason", "vocab:lost_reason")}
    needed = list(dict.fromkeys(missing_for(stage, deal) + (["lost_reason"] if stage == "lost" else [])))
    fields = [FieldDef(n, labels[n][0], labels[n][1], required=True) for n in needed if n in labels]

    def save(uow, values: dict, record: dict, **_options) -> dict:
        return deals.move_stage(uow, record["id"], stage, **values)

    dialog = RecordEditor(workspace, "deal", fields, save, record=deal, parent=parent,
                          title=_t("Move to %1").replace("%1", formatting.stage(stage)) + f" · {deal.get('name', '')}")
    dialog.creating = True  # every field asked is sent, even one equal to the record's value
    return dialog
