"""Resolving references by name: "Moses Frase" -> a user id, "Cancity" -> a customer id.

The registry answers from the live records of the store and from the records the
import itself will create (earlier steps, earlier rows), so an opportunity can name an
account that the same import brings in. Names are compared case- and width-folded with
spaces collapsed: exact, never fuzzy; a near miss is only ever a suggestion.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select

from app.imports.cells import fold
from app.models import ENTITIES
from app.rules.matching import name_key

UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
SUGGEST_CUTOFF = 75


@dataclass(frozen=True)
class Pending:
    """A record this import creates: a row of a step, or one a decision asked for."""

    step: str
    key: str
    label: str

    def __str__(self) -> str:
        return self.label


class Registry:
    """Names of records by entity and field: existing ids and Pending handles."""

    def __init__(self, session):
        self.session = session
        self._index: dict[tuple[str, str], dict[str, list]] = {}
        self._names: dict[tuple[str, str], dict[str, str]] = {}  # folded -> a display form
        self.failed: dict[Pending, str] = {}

    def _load(self, entity: str, field: str) -> dict[str, list]:
        key = (entity, field)
        if key not in self._index:
            table = ENTITIES[entity].__table__
            index: dict[str, list] = {}
            names: dict[str, str] = {}
            rows = self.session.execute(select(table.c.id, table.c[field]).where(
                table.c.deleted_at.is_(None), table.c[field].is_not(None)))
            for rid, value in rows:
                folded = fold(str(value))
                index.setdefault(folded, []).append(rid)
                names.setdefault(folded, str(value))
            self._index[key], self._names[key] = index, names
        return self._index[key]

    def find(self, entity: str, fields: tuple[str, ...], text: str) -> list:
        """Every record of `entity` whose `fields` equal `text` (folded), or whose id it
        is; existing ids and Pending handles, without repeats."""
        found: list = []
        if UUID.match(text) and self.exists(entity, text):
            return [text]
        folded = fold(text)
        for field in fields:
            for target in self._load(entity, field).get(folded, ()):
                if target not in found:
                    found.append(target)
        return found

    def exists(self, entity: str, record_id: str) -> bool:
        table = ENTITIES[entity].__table__
        return self.session.execute(select(table.c.id).where(
            table.c.id == record_id, table.c.deleted_at.is_(None))).first() is not None

    def add(self, entity: str, values: dict[str, object], target) -> None:
        """Make `target` findable by the text values of its fields."""
        for field, value in values.items():
            if value in (None, "") or field not in ENTITIES[entity].__table__.c:
                continue
            index = self._load(entity, field)
            folded = fold(str(value))
            bucket = index.setdefault(folded, [])
            if target not in bucket:
                bucket.append(target)
            self._names[(entity, field)].setdefault(folded, str(value))

    def suggest(self, entity: str, fields: tuple[str, ...], text: str) -> str | None:
        """The closest existing or planned name to `text`, if any is close."""
        candidates: list[str] = []
        for field in fields:
            self._load(entity, field)
            candidates += [n for f, n in self._names[(entity, field)].items() if self._index[(entity, field)].get(f)]
        if not candidates:
            return None
        keys = [name_key(c) for c in candidates]
        best = process.extractOne(name_key(text), keys, scorer=fuzz.ratio, score_cutoff=SUGGEST_CUTOFF)
        return candidates[best[2]] if best else None

    def fail(self, target: Pending, reason: str) -> None:
        self.failed[target] = reason
