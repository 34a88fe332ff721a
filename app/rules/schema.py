"""Field specifications of every synced entity, read from the models' columns.

This is the one description of the data that the client validates with, the server
validates with, and `GET /api/v1/dictionary` publishes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Boolean, Integer, String, Text

from app.models import ENTITIES, SYSTEM_FIELDS
from app.models.types import IsoDate, UtcDateTime
from app.rules.dictionary import Dictionary


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # string | text | integer | boolean | date | datetime
    max_length: int | None = None
    required: bool = False
    default: object = None
    ref: str | None = None
    vocab: str | None = None
    choices: tuple[str, ...] | None = None
    norm: str | None = None
    min: int | None = None
    max: int | None = None
    guarded: bool = False
    server: bool = False
    roles: tuple[str, ...] | None = None
    system: bool = False


@dataclass(frozen=True)
class EntitySpec:
    entity: str
    table: str
    fields: dict[str, FieldSpec]
    scope: tuple
    writers: tuple[str, ...] | None

    def data_fields(self) -> list[str]:
        """Fields a mutation may carry (everything but the sync bookkeeping)."""
        return [n for n, f in self.fields.items() if not f.system]

    def refs(self) -> dict[str, str]:
        return {n: f.ref for n, f in self.fields.items() if f.ref}


def _column_type(column) -> tuple[str, int | None]:
    t = column.type
    if isinstance(t, UtcDateTime):
        return "datetime", None
    if isinstance(t, IsoDate):
        return "date", None
    if isinstance(t, Boolean):
        return "boolean", None
    if isinstance(t, Integer):
        return "integer", None
    if isinstance(t, Text):
        return "text", None
    if isinstance(t, String):
        return "string", t.length
    raise TypeError(f"no field type for column {column}")


def _default(column):
    if column.default is not None and getattr(column.default, "is_scalar", False):
        return column.default.arg
    return None


@cache
def entity_spec(entity: str) -> EntitySpec:
    """The spec of one entity; KeyError for a name the protocol does not know."""
    model = ENTITIES[entity]
    fields = {}
    for column in model.__table__.columns:
        kind, length = _column_type(column)
        info = column.info
        default = _default(column)
        system = column.name in SYSTEM_FIELDS
        fields[column.name] = FieldSpec(
            name=column.name, type=kind, max_length=length,
            required=not system and not column.nullable and default is None,
            default=default, ref=info.get("ref"), vocab=info.get("vocab"),
            choices=tuple(info["choices"]) if "choices" in info else None,
            norm=info.get("norm"), min=info.get("min"), max=info.get("max"),
            guarded=bool(info.get("guarded")), server=bool(info.get("server")),
            roles=tuple(info["roles"]) if "roles" in info else None, system=system,
        )
    return EntitySpec(entity, model.__tablename__, fields, model.__scope__, getattr(model, "__writers__", None))


def entity_names() -> list[str]:
    return sorted(ENTITIES)


def describe(dictionary: Dictionary) -> dict:
    """The data dictionary as published by the server: entities, fields, vocabularies."""
    entities = {}
    for name in entity_names():
        spec = entity_spec(name)
        fields = {}
        for f in spec.fields.values():
            item = {"type": f.type, "required": f.required}
            for key in ("max_length", "ref", "vocab", "norm", "min", "max", "default"):
                value = getattr(f, key)
                if value is not None:
                    item[key] = value
            if f.choices:
                item["choices"] = list(f.choices)
            if f.roles:
                item["roles"] = list(f.roles)
            if f.server or f.system:
                item["read_only"] = True
            fields[f.name] = item
        entities[name] = {"fields": fields, "writers": list(spec.writers) if spec.writers else None}
    vocabularies = {}
    for e in sorted(dictionary.entries, key=lambda e: (e["vocabulary"], e.get("sort_order") or 0, e["code"])):
        vocabularies.setdefault(e["vocabulary"], []).append({
            "code": e["code"], "label_en": e.get("label_en"), "label_zh": e.get("label_zh"),
            "value": e.get("value"), "active": e.get("active", True),
        })
    return {"protocol": 1, "entities": entities, "vocabularies": vocabularies}
