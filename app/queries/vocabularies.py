"""The data dictionary as the admin's editor shows it: each vocabulary's entries with how
many live records hold each code."""
from __future__ import annotations

from sqlalchemy import func, select

from app.models import ENTITIES
from app.rules.dictionary import NUMBERS
from app.services.dictionary import vocabulary_fields


def vocabularies(session) -> list[tuple[str, int]]:
    """(vocabulary, number of entries), in name order."""
    t = ENTITIES["dictionary_entry"].__table__
    return [tuple(r) for r in session.execute(select(t.c.vocabulary, func.count()).where(t.c.deleted_at.is_(None))
                                              .group_by(t.c.vocabulary).order_by(t.c.vocabulary))]


def entries(session, vocabulary: str) -> list[dict]:
    """The vocabulary's entries in their order, active or not, each with `in_use` (live
    records holding the code) and `number` (whether it is a named number)."""
    t = ENTITIES["dictionary_entry"].__table__
    rows = [dict(r) for r in session.execute(select(t).where(t.c.vocabulary == vocabulary, t.c.deleted_at.is_(None))
                                             .order_by(t.c.sort_order, t.c.code)).mappings()]
    used: dict[str, int] = {}
    for entity, field in vocabulary_fields(vocabulary):
        e = ENTITIES[entity].__table__
        for code, n in session.execute(select(e.c[field], func.count()).where(e.c.deleted_at.is_(None),
                                                                              e.c[field].is_not(None))
                                       .group_by(e.c[field])):
            used[code] = used.get(code, 0) + n
    for row in rows:
        row["in_use"] = used.get(row["code"], 0)
        row["number"] = vocabulary in NUMBERS
    return rows
