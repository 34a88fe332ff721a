"""How conflicts and refused changes are put into words: kind names, a plain-language
explanation for the person whose change it was, and values as text."""
from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication

from ui import formatting


def _t(text: str) -> str:
    return QCoreApplication.translate("Conflicts", text)


def kind_name(kind: str) -> str:
    return {"field": _t("Same field"), "edit_delete": _t("Edited, but deleted"),
            "delete_edit": _t("Deleted, but edited"), "duplicate": _t("Duplicate"),
            "orphan": _t("Parent deleted")}.get(kind, kind)


def entity_name(entity: str) -> str:
    return {"customer": _t("customer"), "contact": _t("contact"), "lead": _t("lead"), "deal": _t("deal"),
            "activity": _t("activity"), "quote": _t("quote"), "order": _t("order"), "invoice": _t("invoice"),
            "payment": _t("payment")}.get(entity, entity.replace("_", " "))


def field_name(name: str) -> str:
    return formatting.label(name.replace("_minor", "").replace("_id", "").replace("_", " ").capitalize())


def value_text(value) -> str:
    """A field value as a person reads it ("—" for none)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _t("Yes") if value else _t("No")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def shown(workspace, entity: str, name: str, value, labels: dict | None = None) -> str:
    """A field's value as a person reads it: vocabulary labels, the names of referenced
    records (from `labels`: {(entity, id): name}), money in its currency."""
    from app.rules.schema import entity_spec

    if value is None or value == "":
        return "—"
    spec = entity_spec(entity).fields.get(name)
    if spec is not None and spec.vocab:
        return workspace.label(spec.vocab, value)
    if spec is not None and spec.ref and labels:
        return labels.get((spec.ref, value)) or str(value)[:8]
    if name in ("status", "stage") and isinstance(value, str):
        return formatting.status(value) if name == "status" else formatting.stage(value)
    if name.endswith("_minor") and isinstance(value, int):
        return formatting.money(value, "CNY")
    return value_text(value)


def ref_pairs(entity: str, values: dict) -> list[tuple[str, str]]:
    """(entity, id) of the records `values` (field -> value or a list of values) refer to."""
    from app.rules.schema import entity_spec

    refs = entity_spec(entity).refs()
    out = []
    for name, value in values.items():
        for v in value if isinstance(value, (list, tuple)) else (value,):
            if name in refs and isinstance(v, str):
                out.append((refs[name], v))
    return out


def explanation(conflict: dict) -> str:
    """What happened, said to the person whose change caused the conflict."""
    kind = conflict.get("kind")
    what = entity_name(conflict.get("entity", ""))
    fields = ", ".join(field_name(f) for f in conflict.get("fields") or {})
    if kind == "field":
        return _t("You and someone else changed %1 of this %2 at the same time, to different values. The other "
                  "value stays in force until an administrator decides which one is right.").replace(
            "%1", fields or _t("a field")).replace("%2", what)
    if kind == "edit_delete":
        return _t("You changed this %1, but it had been deleted on the server meanwhile. An administrator will "
                  "decide whether to bring it back with your changes or to confirm the delete.").replace("%1", what)
    if kind == "delete_edit":
        return _t("You deleted this %1, but someone had changed it on the server meanwhile, so it is kept until "
                  "an administrator confirms the delete or keeps the record.").replace("%1", what)
    if kind == "duplicate":
        names = ", ".join(c.get("name") or c.get("id", "")[:8] for c in conflict.get("candidates") or [])
        return _t("This %1 looks like one that already exists (%2). An administrator will merge the two or keep "
                  "both.").replace("%1", what).replace("%2", names or _t("another record"))
    if kind == "orphan":
        parent = entity_name((conflict.get("details") or {}).get("parent_entity", ""))
        return _t("You added or moved this %1 under a %2 that was deleted on the server. An administrator will "
                  "move it elsewhere, restore the %2, or discard it.").replace("%1", what).replace("%2", parent)
    return _t("A change of this record waits for an administrator's decision.")


def refusal(item: dict) -> str:
    """Why the server refused a change, said plainly, with the fields it named."""
    error = item.get("error") or {}
    code = error.get("code")
    lead = {"validation_failed": _t("The server found a value it does not accept."),
            "permission_denied": _t("Your role may not make this change."),
            "invalid_transition": _t("The record cannot move to that state from where it is on the server."),
            "not_found": _t("The record no longer exists on the server."),
            "immutable": _t("The record may no longer change (for example an issued invoice)."),
            "already_exists": _t("A record with this id exists on the server already.")}.get(
        code, _t("The server refused this change."))
    fields = error.get("fields") or {}
    details = "; ".join(f"{field_name(k)}: {v}" for k, v in fields.items()) or error.get("message") or ""
    return f"{lead} {details}".strip()


def resolution_text(conflict: dict) -> str:
    """How a resolved conflict was decided, in a few words."""
    r = conflict.get("resolution") or {}
    if "fields" in r:
        parts = []
        for name, choice in r["fields"].items():
            if "take" in choice:
                side = _t("server") if choice["take"] == "server" else _t("client")
                parts.append(f"{field_name(name)} ← {side}")
            else:
                parts.append(f"{field_name(name)} = {value_text(choice.get('value'))}")
        return ", ".join(parts)
    if r.get("keep_both"):
        return _t("kept both")
    if "merge_into" in r:
        return _t("merged")
    action = r.get("action")
    return {"restore": _t("restored"), "confirm_delete": _t("delete confirmed"), "reparent": _t("moved"),
            "restore_parent": _t("parent restored"), "discard": _t("discarded")}.get(action, action or "")
