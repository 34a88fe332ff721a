"""The data dictionary on the server: built from the `dictionary_entry` records (the same
definitions clients validate with), seeded with the defaults when the database is new."""
from __future__ import annotations

import threading

import orjson
from sqlalchemy import func, select

from app import clock
from app.rules.dictionary import Dictionary, default_entries
from app.rules.raci import default_rows as default_responsibilities
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


SHIPPED = {ENTITY: default_entries, "responsibility": default_responsibilities}


def seed_defaults(db) -> int:
    """Create the shipped reference data (dictionary entries, the RACI matrix) as global
    records, for each entity that has none yet; returns how many were created. Clients
    hold the same rows under the same ids from their first start."""
    def seed(conn) -> int:
        now = clock.now_iso()
        changes = ChangeSet(conn, now=now, user_id=None, origin="system", lock=db.is_postgres)
        created = 0
        for entity, make in SHIPPED.items():
            if conn.execute(select(records.c.id).where(records.c.entity == entity).limit(1)).first():
                continue
            fields = entity_spec(entity).data_fields()
            for item in make():
                data = {**item, "created_at": now, "updated_at": now}
                changes.put(Row(item["id"], entity, data, None, False, GLOBAL_BOOK, None, {}), fields,
                            action="create")
                created += 1
        if created:
            changes.commit()
        return created
    return db.run_write(seed)
