"""The data dictionary on the server: built from the `dictionary_entry` records (the same
definitions clients validate with), seeded with the defaults when the database is new."""
from __future__ import annotations

import threading

import orjson
from sqlalchemy import func, select

from app import clock
from app.rules.dictionary import Dictionary, default_entries
from app.rules.schema import describe, entity_spec
from server.changes import ChangeSet
from server.records import Row
from server.tables import GLOBAL_BOOK, records

ENTITY = "dictionary_entry"
_lock = threading.Lock()
_cache: dict[str, tuple] = {}  # database url -> ((max version, count), Dictionary)


def current(conn) -> Dictionary:
    """The dictionary as stored now; cached per database until an entry changes."""
    key = tuple(conn.execute(select(func.max(records.c.version), func.count())
                             .where(records.c.entity == ENTITY)).one())
    url = str(conn.engine.url)
    with _lock:
        hit = _cache.get(url)
        if hit and hit[0] == key:
            return hit[1]
    rows = conn.execute(select(records.c.data).where(records.c.entity == ENTITY,
                                                     records.c.deleted.is_(False))).scalars()
    entries = [orjson.loads(r) for r in rows]
    dictionary = Dictionary.from_entries(entries) if entries else Dictionary.defaults()
    with _lock:
        _cache[url] = (key, dictionary)
    return dictionary


def published(conn) -> dict:
    """What `GET /api/v1/dictionary` answers."""
    return describe(current(conn))


def seed_defaults(db) -> int:
    """Create the default entries as global records if the database has none; returns
    how many were created."""
    def seed(conn) -> int:
        if conn.execute(select(records.c.id).where(records.c.entity == ENTITY).limit(1)).first():
            return 0
        now = clock.now_iso()
        changes = ChangeSet(conn, now=now, user_id=None, origin="system", lock=db.is_postgres)
        fields = entity_spec(ENTITY).data_fields()
        for entry in default_entries():
            data = {**entry, "created_at": now, "updated_at": now}
            changes.put(Row(entry["id"], ENTITY, data, None, False, GLOBAL_BOOK, None, {}), fields,
                        action="create")
        changes.commit()
        return len(default_entries())
    return db.run_write(seed)
