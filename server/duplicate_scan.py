"""The duplicate scan: likely pairs among live customers, contacts and leads become
duplicate conflicts in the queue, where an admin merges them or keeps both.

Pairs come from the natural keys the push's duplicate check uses (app.rules.matching):
the same credit code, phone or e-mail, or near-identical names (Chinese, Latin or
through pinyin). Names are not compared all against all (100,000 customers would be
5 billion comparisons): near-identical names share a long prefix or a long suffix, so
each name is compared with its neighbours in the names sorted forwards and sorted by
their reversed text (a sorted-neighbourhood scan: n x WINDOW comparisons per order).

The pairs are found in a read transaction; the conflicts are opened in a short write
transaction that skips any pair already known to the queue (open or decided), so a
scan never asks twice about the same two records.
"""
from __future__ import annotations

import time
from collections import defaultdict

import orjson
from rapidfuzz import fuzz
from sqlalchemy import select

from app.rules.matching import NAME_THRESHOLD, name_key, pinyin_key
from server.tables import conflicts, customer_keys, records
from server.writer import Writer

ENTITIES = ("customer", "contact", "lead")
WINDOW = 6           # neighbours compared in each sort order
MAX_CANDIDATES = 10  # older records listed on one conflict
EXACT = ("credit_code", "phone", "email")


def scan(db, entities=ENTITIES) -> dict:
    """Find likely duplicate pairs and open a duplicate conflict on the newer record of
    each pair not seen before (raised by nobody: no person's change caused it). Returns
    {"scanned", "pairs", "opened", "seconds"}."""
    started = time.perf_counter()
    found: dict[str, dict[str, dict[str, dict]]] = {}
    scanned = {}
    with db.read() as conn:
        for entity in entities:
            pool = LOADERS[entity](conn)
            scanned[entity] = len(pool)
            found[entity] = likely_pairs(pool)
    pairs = sum(len(older) for by_newer in found.values() for older in by_newer.values())
    opened = db.run_write(_open_conflicts, db, found) if pairs else []
    return {"scanned": scanned, "pairs": pairs, "opened": opened,
            "seconds": round(time.perf_counter() - started, 3)}


# -- candidates ---------------------------------------------------------------------

def _item(rid: str, created: str, name: str | None, group=None, **keys) -> dict:
    name = name or ""
    return {"id": rid, "created": created or "", "name": name, "group": group,
            "name_key": name_key(name), "pinyin_key": pinyin_key(name), **{k: keys.get(k) for k in EXACT}}


def _load_customers(conn) -> list[dict]:
    stmt = select(customer_keys, records.c.created_at).join(records, records.c.id == customer_keys.c.id)
    return [{"id": r["id"], "created": r["created_at"], "name": r["name"] or "", "group": None,
             "name_key": r["name_key"] or "", "pinyin_key": r["pinyin_key"] or "",
             "credit_code": r["credit_code"], "phone": r["phone"], "email": r["email"]}
            for r in conn.execute(stmt).mappings()]


def _live(conn, entity: str):
    stmt = select(records.c.id, records.c.data, records.c.created_at).where(
        records.c.entity == entity, records.c.deleted.is_(False))
    for r in conn.execute(stmt):
        yield r.id, orjson.loads(r.data), r.created_at


def _load_contacts(conn) -> list[dict]:
    # A contact is a duplicate of another contact of the same customer.
    return [_item(rid, created, d.get("name"), d.get("customer_id"), phone=d.get("phone"),
                  email=_lower(d.get("email")))
            for rid, d, created in _live(conn, "contact")]


def _load_leads(conn) -> list[dict]:
    out = []
    for rid, d, created in _live(conn, "lead"):
        if d.get("status") in ("converted", "disqualified"):
            continue
        name = " ".join(filter(None, (d.get("company_name"), d.get("contact_name"))))
        out.append(_item(rid, created, name, credit_code=d.get("credit_code"), phone=d.get("phone"),
                         email=_lower(d.get("email"))))
    return out


def _lower(value):
    return value.lower() if isinstance(value, str) else None


LOADERS = {"customer": _load_customers, "contact": _load_contacts, "lead": _load_leads}


def likely_pairs(pool: list[dict]) -> dict[str, dict[str, dict]]:
    """{newer id: {older id: {"id", "name", "reasons", "score"}}} for the items of `pool`
    that look like the same party (within the same `group`)."""
    order = {item["id"]: (item["created"], item["id"]) for item in pool}
    by_id = {item["id"]: item for item in pool}
    pairs: dict[str, dict[str, dict]] = defaultdict(dict)

    def add(a: str, b: str, reason: str, score: float) -> None:
        newer, older = (a, b) if order[a] > order[b] else (b, a)
        match = pairs[newer].setdefault(older, {"id": older, "name": by_id[older]["name"] or None,
                                                "reasons": [], "score": 0.0})
        if reason not in match["reasons"]:
            match["reasons"].append(reason)
        match["score"] = max(match["score"], score)

    for key in EXACT:
        buckets = defaultdict(list)
        for item in pool:
            if item[key]:
                buckets[(item["group"], item[key])].append(item["id"])
        for ids in buckets.values():
            if len(ids) < 2:
                continue
            ids.sort(key=order.__getitem__)
            # Each later record is paired with the earliest ones only: a phone shared by
            # hundreds of imported rows must not become tens of thousands of pairs.
            for i, rid in enumerate(ids[1:], start=1):
                for older in ids[:min(i, MAX_CANDIDATES)]:
                    add(rid, older, key, 100.0)
    ratio = fuzz.ratio
    for key, other_key in (("pinyin_key", "name_key"), ("name_key", "pinyin_key")):
        for reverse in (False, True):
            named = [item for item in pool if item[key]]
            named.sort(key=lambda it: (str(it["group"]), it[key][::-1] if reverse else it[key]))
            keys = [it[key] for it in named]
            others = [it[other_key] for it in named]
            groups = [it["group"] for it in named]
            count = len(named)
            # The hot loop of the scan (a few million comparisons), on plain locals. The
            # shared rule's similarity is the better of the two spellings, as in the
            # push's check (app.rules.matching.name_similarity).
            for i in range(count):
                a, b, group = keys[i], others[i], groups[i]
                for j in range(i + 1, min(i + 1 + WINDOW, count)):
                    if groups[j] != group:
                        break
                    if a == keys[j]:
                        score = 100.0
                    else:
                        score = max(ratio(a, keys[j], score_cutoff=NAME_THRESHOLD),
                                    ratio(b, others[j], score_cutoff=NAME_THRESHOLD))
                    if score:
                        add(named[i]["id"], named[j]["id"], "name", score)
    return {newer: dict(sorted(older.items(), key=lambda kv: (-kv[1]["score"], order[kv[0]]))[:MAX_CANDIDATES])
            for newer, older in pairs.items()}


# -- conflicts ----------------------------------------------------------------------

def known_pairs(conn) -> set[frozenset]:
    """Every pair of records a duplicate conflict was ever opened about."""
    known = set()
    for record_id, candidates in conn.execute(select(conflicts.c.record_id, conflicts.c.candidates)
                                              .where(conflicts.c.kind == "duplicate")):
        for c in orjson.loads(candidates):
            if c.get("id"):
                known.add(frozenset((record_id, c["id"])))
    return known


def _open_conflicts(conn, db, found: dict) -> list[str]:
    writer = Writer(conn, None, origin="scan", lock=db.is_postgres)
    known = known_pairs(conn)
    writer.changes.load({rid for by_newer in found.values() for newer, older in by_newer.items()
                         for rid in (newer, *older)})
    opened = []
    for entity, by_newer in found.items():
        for newer, older in by_newer.items():
            row = writer.get(newer)
            if row is None or row.deleted or row.entity != entity:
                continue
            candidates = []
            for oid, match in older.items():
                other = writer.get(oid)
                if other is None or other.deleted or frozenset((newer, oid)) in known:
                    continue
                candidates.append({**match, "score": round(match["score"], 1)})
            if not candidates:
                continue
            reasons = sorted({r for c in candidates for r in c["reasons"]})
            conflict_id = writer.open_conflict(newer, entity, "duplicate", candidates=candidates,
                                               details={"reasons": reasons, "source": "scan"})
            writer.touch(row, conflict_ids=row.conflict_ids + (conflict_id,))
            known.update(frozenset((newer, c["id"])) for c in candidates)
            opened.append(conflict_id)
    if opened:
        writer.changes.commit()
    return opened
