"""Editing the data dictionary (admins): the controlled vocabularies (industries, lead
sources, lost reasons, payment methods) and the named numbers (stage probabilities,
approval thresholds, hand-off target times, payment terms).

Entries are synced `dictionary_entry` records, so an edit reaches every client on its
next sync and both ends validate with it from then on. A code is never deleted: records
may hold it, and the local copies keep (vocabulary, code) unique, tombstones included,
so "removing" a code deactivates it (it stays valid on the records that have it and is
no longer offered for new ones) and adding it again reactivates it. A new code's id is
derived from (vocabulary, code), so two admins adding the same code offline make one
record, never two rows with one code.
"""
from __future__ import annotations

import re

from sqlalchemy import func, select

from app.errors import NotFound, ValidationError
from app.rules import permissions
from app.rules.dictionary import NUMBERS, entry_id
from app.rules.schema import entity_names, entity_spec
from app.services.unit import table

ENTITY = "dictionary_entry"
ADMIN = ("admin",)
# Vocabularies whose codes admins may add; the named numbers have fixed codes.
OPEN = ("industry", "lead_source", "lost_reason", "payment_method")
EDITABLE = ("label_en", "label_zh", "value", "sort_order", "active")
CODE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


def vocabulary_fields(vocabulary: str) -> list[tuple[str, str]]:
    """(entity, field) pairs whose values are codes of `vocabulary`."""
    return [(entity, name) for entity in entity_names()
            for name, spec in entity_spec(entity).fields.items() if spec.vocab == vocabulary]


def usage(uow, vocabulary: str, code: str) -> dict[str, int]:
    """How many live records of each entity hold `code` (only entities that do)."""
    out = {}
    for entity, name in vocabulary_fields(vocabulary):
        c = uow.c(entity)
        n = uow.session.scalar(select(func.count()).where(c[name] == code, c.deleted_at.is_(None)))
        if n:
            out[entity] = out.get(entity, 0) + n
    return out


def _existing(uow, vocabulary: str, code: str) -> dict | None:
    t = table(ENTITY)
    row = uow.session.execute(select(t).where(t.c.vocabulary == vocabulary, t.c.code == code)).mappings().first()
    return dict(row) if row else None


def add_entry(uow, values: dict) -> dict:
    """Add a code to an open vocabulary; an inactive code of the same name comes back
    (with the new labels). Raises ValidationError for a closed vocabulary, a malformed or
    taken code, or no label; PermissionDenied for anyone but an admin."""
    permissions.require_role(uow.actor.role, ADMIN, "edit the data dictionary")
    vocabulary = (values.get("vocabulary") or "").strip()
    code = (values.get("code") or "").strip()
    errors = {}
    if vocabulary not in OPEN:
        errors["vocabulary"] = f"codes are added to {', '.join(OPEN)}; the others hold fixed named numbers"
    if not CODE.match(code):
        errors["code"] = "must start with a letter and use only a-z, 0-9 and _ (at most 60)"
    if not (values.get("label_en") or values.get("label_zh")):
        errors["label_en"] = "give an English or a Chinese label"
    if errors:
        raise ValidationError(errors)
    labels = {k: values.get(k) for k in ("label_en", "label_zh") if k in values}
    old = _existing(uow, vocabulary, code)
    if old is not None:
        if old["active"] and old["deleted_at"] is None:
            raise ValidationError({"code": f"{code} is already in {vocabulary}"})
        if old["deleted_at"] is not None:
            raise ValidationError({"code": f"{code} was removed from {vocabulary} on the server; pick another code"})
        return uow.update(ENTITY, old["id"], {**labels, "active": True})
    c = uow.c(ENTITY)
    last = uow.session.scalar(select(func.max(c.sort_order)).where(c.vocabulary == vocabulary))
    return uow.create(ENTITY, {"vocabulary": vocabulary, "code": code, **labels, "value": values.get("value"),
                               "sort_order": values.get("sort_order", (last or 0) + 1), "active": True},
                      record_id=entry_id(vocabulary, code))


def update_entry(uow, record_id: str, changes: dict) -> dict:
    """Change labels, value, order or active of an entry. Codes and vocabularies never
    change (records hold them); a named number cannot be deactivated (its value is
    needed) and its value stays within its vocabulary's bounds."""
    permissions.require_role(uow.actor.role, ADMIN, "edit the data dictionary")
    entry = uow.get(ENTITY, record_id)
    if entry is None:
        raise NotFound(f"no dictionary entry with id {record_id}")
    fixed = {k: "cannot change: records hold it; add a new code and deactivate this one"
             for k in ("vocabulary", "code") if k in changes and changes[k] != entry[k]}
    unknown = {k: "is not editable" for k in changes if k not in EDITABLE and k not in ("vocabulary", "code")}
    if fixed or unknown:
        raise ValidationError({**fixed, **unknown})
    if entry["vocabulary"] in NUMBERS and changes.get("active") is False:
        raise ValidationError({"active": "a named number stays active; change its value instead"})
    return uow.update(ENTITY, record_id, {k: v for k, v in changes.items() if k in EDITABLE})


def deactivate_entry(uow, record_id: str) -> dict:
    """Take a code out of use: it stays valid on the records that hold it and is no
    longer offered. Returns {"entry", "in_use": {entity: count}}."""
    entry = update_entry(uow, record_id, {"active": False})
    return {"entry": entry, "in_use": usage(uow, entry["vocabulary"], entry["code"])}
