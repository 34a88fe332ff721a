"""Duplicate customers: natural keys of every live customer, kept in `customer_keys`, and
the search a new customer goes through before it is accepted as new.

The decision is the shared rule (app.rules.matching.find_matches); the stored keys only
narrow the pool first (exact keys by index, names with rapidfuzz over the precomputed
name and pinyin keys, at the same threshold), so the rule never re-spells 100,000 names.
"""
from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlalchemy import delete, or_, select

from app.rules.matching import NAME_THRESHOLD, find_matches, name_key, pinyin_key
from server.tables import customer_keys

LIMIT = 10


def keys_of(record: dict) -> dict:
    """The natural keys of a customer already normalised by the shared rules."""
    name = record.get("name") or ""
    return {"id": record["id"], "name": name, "name_key": name_key(name), "pinyin_key": pinyin_key(name),
            "credit_code": record.get("credit_code") or None, "phone": record.get("phone") or None,
            "email": (record.get("email") or "").lower() or None}


class CustomerIndex:
    """The live customers' keys for one write transaction, with its own staged changes."""

    EXACT = ("credit_code", "phone", "email")

    def __init__(self, changes):
        self.changes = changes
        self.conn = changes.conn
        # Name keys of every live customer, loaded on the first fuzzy search, as parallel
        # lists that rapidfuzz scans directly; a removed customer leaves a hole ("").
        self._ids: list[str] | None = None
        self._name_keys: list[str] = []
        self._pinyin_keys: list[str] = []
        self._slot: dict[str, int] = {}
        self._staged: dict[str, dict | None] = {}  # id -> keys (None: removed)
        self._staged_exact: dict[tuple[str, str], set[str]] = {}

    def _names(self) -> None:
        if self._ids is not None:
            return
        self._ids = []
        for r in self.conn.execute(select(customer_keys.c.id, customer_keys.c.name_key, customer_keys.c.pinyin_key)):
            if r.id not in self._staged:
                self._add_name(r.id, r.name_key or "", r.pinyin_key or "")
        for rid, keys in self._staged.items():
            if keys is not None:
                self._add_name(rid, keys["name_key"], keys["pinyin_key"])

    def _add_name(self, rid: str, key: str, pinyin: str) -> None:
        if rid in self._slot:
            slot = self._slot[rid]
            self._name_keys[slot], self._pinyin_keys[slot] = key, pinyin
            return
        self._slot[rid] = len(self._ids)
        self._ids.append(rid)
        self._name_keys.append(key)
        self._pinyin_keys.append(pinyin)

    def _drop_name(self, rid: str) -> None:
        slot = self._slot.get(rid)
        if slot is not None:
            self._name_keys[slot] = self._pinyin_keys[slot] = ""

    def matches(self, record: dict) -> list[dict]:
        """Live customers that look like `record`, best first, as {id, name, reasons, score}."""
        keys = keys_of(record)
        pool: dict[str, dict | None] = {}
        exact = [getattr(customer_keys.c, k) == keys[k] for k in self.EXACT if keys[k]]
        if exact:
            for r in self.conn.execute(select(customer_keys).where(or_(*exact))).mappings():
                if r["id"] not in self._staged:
                    pool[r["id"]] = dict(r)
        for k in self.EXACT:
            for rid in self._staged_exact.get((k, keys[k]), ()) if keys[k] else ():
                pool[rid] = self._staged[rid]
        if keys["name_key"]:
            self._names()
            for target, choices in ((keys["name_key"], self._name_keys), (keys["pinyin_key"], self._pinyin_keys)):
                if not target:
                    continue
                for _, _, index in process.extract(target, choices, scorer=fuzz.ratio,
                                                   score_cutoff=NAME_THRESHOLD, limit=LIMIT * 2):
                    rid = self._ids[index]
                    if rid not in pool:
                        pool[rid] = self._staged[rid] if rid in self._staged else self._stored(rid)
        found = [v for v in pool.values() if v is not None]
        if not found:
            return []
        return [m.as_dict() for m in find_matches(record, found, limit=LIMIT)]

    def _stored(self, rid: str) -> dict | None:
        r = self.conn.execute(select(customer_keys).where(customer_keys.c.id == rid)).mappings().first()
        return dict(r) if r else None

    def put(self, record: dict, *, new: bool = False) -> None:
        """Stage the keys of a live customer (`new`: not stored before)."""
        keys = keys_of(record)
        self._unstage_exact(record["id"])
        self._staged[record["id"]] = keys
        for k in self.EXACT:
            if keys[k]:
                self._staged_exact.setdefault((k, keys[k]), set()).add(record["id"])
        if self._ids is not None:
            self._add_name(record["id"], keys["name_key"], keys["pinyin_key"])
        if not new:
            self.changes.execute(delete(customer_keys).where(customer_keys.c.id == record["id"]))
        self.changes.insert(customer_keys, keys)

    def remove(self, record_id: str) -> None:
        self._unstage_exact(record_id)
        self._staged[record_id] = None
        self._drop_name(record_id)
        self.changes.execute(delete(customer_keys).where(customer_keys.c.id == record_id))

    def _unstage_exact(self, record_id: str) -> None:
        old = self._staged.get(record_id)
        for k in self.EXACT:
            if old and old[k]:
                self._staged_exact.get((k, old[k]), set()).discard(record_id)
