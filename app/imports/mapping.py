"""Import mappings: how a file's columns become an entity's fields.

A mapping is a JSON document (the format the shipped mappings in resources/mappings/
use, and the one the wizard saves):

    {"format": "ltc-desk-import-mapping", "version": 1, "name": "...", "entity": "deal",
     "match": "external_ref",            # find the record to update by this field
     "unique_by": ["manager"],           # keep the first row of each distinct value
     "timezone": "Asia/Shanghai", "date_format": "%d/%m/%Y",   # optional
     "history": {"opened": "engage_date", "opened_stage": "qualification"},   # deals
     "fields": {
        "name": "account",                                       # a column
        "currency": {"value": "USD"},                            # a constant
        "external_ref": {"template": "crm:deal:{opportunity_id}"},
        "notes": {"template": ["Revenue: {revenue}", "Staff: {employees}"]},  # lines
        "industry": {"column": "sector", "values": {"tech": "technology"}},   # value map
        "amount_minor": {"column": "close_value", "unit": "major"},
        "owner_id": {"column": "sales_agent", "lookup": ["display_name", "username"]},
        "lost_reason": {"ask_when_missing": {"default": "other"}},
        "username": {"column": "agent", "transform": "username"}}}

A reference field (owner_id, customer_id, product_id...) takes a name (or an id) and is
resolved against the store and the records created earlier in the same import. Any
field may carry "why": a note for the person reviewing the mapping.

A mapping set imports several files in order (the directory form):

    {"format": "ltc-desk-import-set", "version": 1, "name": "...",
     "steps": [{"name": "accounts", "file": "accounts.csv", "mapping": "accounts.json",
                "optional": false}, ...]}

`mapping` is a file next to the set, or the mapping itself inline; an `optional` step is
skipped (not failed) when the user's role may not create its records.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from app.imports.cells import fold, zone
from app.imports.errors import MappingProblem
from app.rules.schema import entity_names, entity_spec

MAPPING_FORMAT = "ltc-desk-import-mapping"
SET_FORMAT = "ltc-desk-import-set"
SAVED_DIR = "import-mappings"
PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
TRANSFORMS = ("lower", "upper", "username")
RULE_KEYS = {"column", "template", "value", "values", "unit", "format", "lookup", "default", "transform",
             "ask_when_missing", "why"}
MAPPING_KEYS = {"format", "version", "name", "entity", "match", "unique_by", "timezone", "date_format",
                "history", "fields", "encoding", "sheet", "description", "why"}
# The fields a reference is looked up by, per referenced entity (an id always works too).
LOOKUP = {"customer": ("name",), "product": ("name", "code"), "user": ("display_name", "username"),
          "deal": ("name",), "lead": ("company_name", "contact_name"), "contact": ("name",),
          "invoice": ("number",), "order": ("number",)}
_MISSING = object()


@dataclass(frozen=True)
class FieldRule:
    """Where one field's value comes from, and how it is read."""

    field: str
    column: str | None = None
    template: tuple[str, ...] | None = None
    value: object = _MISSING
    values: dict | None = None          # folded source text -> target value (or None)
    unit: str | None = None
    format: str | None = None
    lookup: tuple[str, ...] | None = None
    default: object = None
    transform: str | None = None
    ask_when_missing: dict | None = None
    why: str | None = None

    @property
    def has_constant(self) -> bool:
        return self.value is not _MISSING

    def columns(self) -> set[str]:
        found = {self.column} if self.column else set()
        for line in self.template or ():
            found.update(PLACEHOLDER.findall(line))
        return found

    def text(self, cells: dict[str, str]) -> str:
        """The source text for this field in a row ("" when empty)."""
        if self.column:
            return cells.get(self.column, "").strip()
        if self.template:
            lines = []
            for line in self.template:
                names = PLACEHOLDER.findall(line)
                if names and not any(cells.get(n, "").strip() for n in names):
                    continue  # a line about values the row does not have
                lines.append(PLACEHOLDER.sub(lambda m: cells.get(m.group(1), "").strip(), line))
            return "\n".join(lines).strip()
        return ""

    def as_dict(self):
        out = {}
        for key in ("column", "unit", "format", "transform", "why", "ask_when_missing"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.template is not None:
            out["template"] = list(self.template) if len(self.template) > 1 else self.template[0]
        if self.has_constant:
            out["value"] = self.value
        if self.values:
            out["values"] = dict(self.values)
        if self.lookup:
            out["lookup"] = list(self.lookup)
        if self.default is not None:
            out["default"] = self.default
        return out


@dataclass(frozen=True)
class Mapping:
    entity: str
    fields: dict[str, FieldRule]
    name: str | None = None
    match: str | None = None
    unique_by: tuple[str, ...] = ()
    timezone: str | None = None
    date_format: str | None = None
    history: dict | None = None
    encoding: str | None = None
    sheet: str | None = None
    description: str | None = None

    def columns(self) -> set[str]:
        found = set(self.unique_by)
        for rule in self.fields.values():
            found |= rule.columns()
        if self.history and self.history.get("opened"):
            found.add(self.history["opened"])
        return found

    def check_columns(self, available: list[str], file_name: str) -> None:
        """MappingProblem naming every column the mapping reads that the file lacks."""
        missing = sorted(self.columns() - set(available))
        if missing:
            raise MappingProblem(
                f"{file_name} has no column {', '.join(repr(m) for m in missing)} that the mapping "
                f"reads; its columns are: {', '.join(available)}")

    def lookup_fields(self, field_name: str, target: str) -> tuple[str, ...]:
        rule = self.fields.get(field_name)
        return (rule.lookup if rule and rule.lookup else None) or LOOKUP.get(target, ("name",))

    def as_dict(self) -> dict:
        out = {"format": MAPPING_FORMAT, "version": 1, "entity": self.entity}
        for key in ("name", "description", "match", "timezone", "date_format", "history", "encoding", "sheet"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.unique_by:
            out["unique_by"] = list(self.unique_by)
        out["fields"] = {name: rule.as_dict() for name, rule in self.fields.items()}
        return out


@dataclass(frozen=True)
class Step:
    name: str
    file: str
    mapping: Mapping
    optional: bool = False


@dataclass(frozen=True)
class MappingSet:
    name: str
    steps: tuple[Step, ...]
    description: str | None = None

    def as_dict(self) -> dict:
        return {"format": SET_FORMAT, "version": 1, "name": self.name, "description": self.description,
                "steps": [{"name": s.name, "file": s.file, "optional": s.optional,
                           "mapping": s.mapping.as_dict()} for s in self.steps]}


# -- reading ----------------------------------------------------------------------------

def load(path: Path | str) -> Mapping | MappingSet:
    """A mapping or a mapping set from a JSON file. MappingProblem for anything unusable."""
    path = Path(path)
    return parse(_read_json(path), base_dir=path.parent, source=path.name)


def parse(data, *, base_dir: Path | None = None, source: str = "mapping") -> Mapping | MappingSet:
    if not isinstance(data, dict):
        raise MappingProblem(f"{source}: a mapping is a JSON object")
    if data.get("format") == SET_FORMAT or "steps" in data:
        return _parse_set(data, base_dir, source)
    return parse_mapping(data, source=source)


def parse_mapping(data: dict, *, source: str = "mapping") -> Mapping:
    """One entity's mapping from its JSON form (see the module doc)."""
    if not isinstance(data, dict):
        raise MappingProblem(f"{source}: a mapping is a JSON object")
    unknown = sorted(set(data) - MAPPING_KEYS)
    if unknown:
        raise MappingProblem(f"{source}: unknown key(s) {', '.join(unknown)}")
    entity = data.get("entity")
    if entity not in entity_names():
        raise MappingProblem(f"{source}: entity must be one of {', '.join(entity_names())}, not {entity!r}")
    spec = entity_spec(entity)
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, dict) or not raw_fields:
        raise MappingProblem(f"{source}: 'fields' must map field names to columns")
    fields = {}
    for name, raw in raw_fields.items():
        f = spec.fields.get(name)
        if name == "id" and not isinstance(raw, str):
            raise MappingProblem(f"{source}: id is read from a column, to find the records to update")
        if f is None or (f.system and name != "id"):
            raise MappingProblem(f"{source}: {name!r} is not a field of {entity} that an import can set")
        if f.server:
            raise MappingProblem(f"{source}: {entity}.{name} is assigned by the server")
        fields[name] = _rule(name, raw, f, source)
    match = data.get("match")
    if match is not None and (match not in spec.fields or match not in fields):
        raise MappingProblem(f"{source}: match must be one of the mapped fields, not {match!r}")
    if data.get("timezone"):
        try:
            zone(data["timezone"])
        except ValueError as exc:
            raise MappingProblem(f"{source}: {exc}") from None
    history = data.get("history")
    if history is not None:
        if entity != "deal" or not isinstance(history, dict) or set(history) - {"opened", "opened_stage", "why"}:
            raise MappingProblem(f"{source}: history is for deals: {{'opened': COLUMN, 'opened_stage': STAGE}}")
        stages = spec.fields["stage"].choices
        if history.get("opened_stage") not in (None, *stages):
            raise MappingProblem(f"{source}: opened_stage must be one of {', '.join(stages)}")
    unique_by = data.get("unique_by") or ()
    if isinstance(unique_by, str):
        unique_by = (unique_by,)
    return Mapping(entity=entity, fields=fields, name=data.get("name"), match=match,
                   unique_by=tuple(unique_by), timezone=data.get("timezone"),
                   date_format=data.get("date_format"), history=history, encoding=data.get("encoding"),
                   sheet=data.get("sheet"), description=data.get("description"))


def _rule(name: str, raw, spec, source: str) -> FieldRule:
    where = f"{source}: field {name}"
    if isinstance(raw, str):
        return FieldRule(name, column=raw)
    if not isinstance(raw, dict):
        raise MappingProblem(f"{where}: give a column name or an object")
    unknown = sorted(set(raw) - RULE_KEYS)
    if unknown:
        raise MappingProblem(f"{where}: unknown key(s) {', '.join(unknown)}")
    sources = [k for k in ("column", "template", "value") if k in raw]
    if len(sources) > 1:
        raise MappingProblem(f"{where}: give one of column, template or value")
    if not sources and "ask_when_missing" not in raw and "default" not in raw:
        raise MappingProblem(f"{where}: give a column, a template, a value, a default or ask_when_missing")
    template = raw.get("template")
    if template is not None:
        template = (template,) if isinstance(template, str) else tuple(template)
        if not all(isinstance(t, str) for t in template):
            raise MappingProblem(f"{where}: a template is text or a list of lines")
    values = raw.get("values")
    if values is not None:
        if not isinstance(values, dict):
            raise MappingProblem(f"{where}: values maps source text to field values")
        values = {fold(str(k)): v for k, v in values.items()}
    lookup = raw.get("lookup")
    if lookup is not None:
        if not spec.ref:
            raise MappingProblem(f"{where}: lookup is for reference fields")
        lookup = (lookup,) if isinstance(lookup, str) else tuple(lookup)
        target = entity_spec(spec.ref)
        bad = [f for f in lookup if f not in target.fields]
        if bad:
            raise MappingProblem(f"{where}: {spec.ref} has no field {', '.join(bad)} to look up by")
    unit = raw.get("unit")
    if unit not in (None, "major", "minor"):
        raise MappingProblem(f"{where}: unit is major or minor")
    transform = raw.get("transform")
    if transform not in (None, *TRANSFORMS):
        raise MappingProblem(f"{where}: transform is one of {', '.join(TRANSFORMS)}")
    ask = raw.get("ask_when_missing")
    if ask is not None and not isinstance(ask, dict):
        raise MappingProblem(f"{where}: ask_when_missing is an object, e.g. {{\"default\": \"other\"}}")
    return FieldRule(name, column=raw.get("column"), template=template, value=raw.get("value", _MISSING),
                     values=values, unit=unit, format=raw.get("format"), lookup=lookup,
                     default=raw.get("default"), transform=transform, ask_when_missing=ask, why=raw.get("why"))


def _parse_set(data: dict, base_dir: Path | None, source: str) -> MappingSet:
    steps_raw = data.get("steps")
    if not isinstance(steps_raw, list) or not steps_raw:
        raise MappingProblem(f"{source}: a mapping set lists its steps")
    steps, names = [], set()
    for i, raw in enumerate(steps_raw, start=1):
        if not isinstance(raw, dict) or not raw.get("file") or not raw.get("mapping"):
            raise MappingProblem(f"{source}: step {i} needs a file and a mapping")
        name = raw.get("name") or Path(raw["file"]).stem
        if name in names:
            raise MappingProblem(f"{source}: two steps are named {name!r}")
        names.add(name)
        mapping = raw["mapping"]
        if isinstance(mapping, str):
            if base_dir is None:
                raise MappingProblem(f"{source}: step {name} names a mapping file, but the set has no folder")
            mapping_path = base_dir / mapping
            mapping = parse_mapping(_read_json(mapping_path), source=mapping_path.name)
        else:
            mapping = parse_mapping(mapping, source=f"{source} step {name}")
        steps.append(Step(name, raw["file"], mapping, bool(raw.get("optional"))))
    return MappingSet(data.get("name") or source, tuple(steps), data.get("description"))


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise MappingProblem(f"no mapping file {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MappingProblem(f"{path.name} is not valid JSON: {exc}") from None


# -- a mapping from the header alone ------------------------------------------------------

def default_mapping(entity: str, columns: list[str]) -> Mapping:
    """Map every column named like a field of `entity` (case, spaces and dashes ignored)
    to that field. MappingProblem if no column matches."""
    if entity not in entity_names():
        raise MappingProblem(f"unknown entity {entity!r}; known: {', '.join(entity_names())}")
    spec = entity_spec(entity)
    names = [n for n, f in spec.fields.items() if (not f.system or n == "id") and not f.server]
    by_key = {_key(n): n for n in names}
    # Money: a column named like the field ("credit_limit_minor") holds minor units; one
    # named without the suffix ("credit_limit", as exports write it) a decimal amount.
    major = {_key(n[:-6]): n for n in names if n.endswith("_minor")}
    fields = {}
    for column in columns:
        key = _key(column)
        name = by_key.get(key) or major.get(key)
        if name and name not in fields:
            unit = ("minor" if key == _key(name) else "major") if name.endswith("_minor") else None
            fields[name] = FieldRule(name, column=column, unit=unit)
    if not set(fields) - {"id"}:
        raise MappingProblem(f"no column is named like a field of {entity}; give a mapping "
                             f"(fields: {', '.join(sorted(by_key.values()))})")
    # An id column (a file exported from here) finds the records to update.
    return Mapping(entity=entity, fields=fields, name=f"{entity} (columns named like fields)",
                   match="id" if "id" in fields else None)


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", fold(text))


def username_of(text: str) -> str:
    """A login name made from a person's name: "Moses Frase" -> "moses.frase",
    "张三" -> "zhang.san"."""
    from pypinyin import lazy_pinyin

    text = unicodedata.normalize("NFKC", text).strip()
    if re.search(r"[\u3400-\u9fff]", text):
        text = " ".join(lazy_pinyin(text))
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return ".".join(words)[:64]


# -- saved mappings (the wizard's "save and reuse") -----------------------------------------

def saved_dir(profile_dir: Path | str) -> Path:
    return Path(profile_dir) / SAVED_DIR


def save(profile_dir: Path | str, name: str, mapping: Mapping | MappingSet) -> Path:
    """Save `mapping` under `name` in the profile; returns the file. Overwrites a mapping
    saved earlier under the same name."""
    slug = re.sub(r"[^\w.-]+", "-", name.strip(), flags=re.UNICODE).strip("-.")
    if not slug:
        raise MappingProblem("a saved mapping needs a name")
    folder = saved_dir(profile_dir)
    folder.mkdir(parents=True, exist_ok=True)
    data = mapping.as_dict()
    data["name"] = name
    path = folder / f"{slug}.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path


def saved(profile_dir: Path | str) -> list[dict]:
    """The mappings saved in the profile: [{name, entity, path}], by name."""
    out = []
    for path in sorted(saved_dir(profile_dir).glob("*.json")):
        try:
            m = load(path)
        except MappingProblem:
            continue
        entity = m.entity if isinstance(m, Mapping) else "set"
        out.append({"name": m.name or path.stem, "entity": entity, "path": str(path)})
    return sorted(out, key=lambda m: fold(m["name"]))
