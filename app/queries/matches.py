"""Possible duplicates while someone types a new customer, contact or lead, from the
local copy (offline): the same credit code, phone or e-mail, or a similar name, Chinese
or Latin, compared also through pinyin (app.rules.matching).

Typing-ahead shows names from a lower similarity than the save-time check
(SUGGEST_THRESHOLD vs the rule's NAME_THRESHOLD), and names the typed text is a good
part of, so a match shows up before the whole name is typed. The name keys of a table are computed once and kept per database until
the table changes (its row count or latest update moves), so a keystroke costs one
fuzzy scan in C over ready keys instead of re-spelling every name in pinyin;
`warm(session, entity)` computes them ahead, when an editor opens.
"""
from __future__ import annotations

import threading

from rapidfuzz import fuzz, process
from sqlalchemy import text

from app.rules.matching import name_key, natural_keys
from app.search import pinyin_forms

SUGGEST_THRESHOLD = 85
PREFIX_MIN = 4          # typed characters from which part of a name counts
PARTIAL_THRESHOLD = 95  # rapidfuzz partial_ratio for "the typed text is in that name"
PARTIAL_SHARE = 0.4     # ... and makes up this much of it at least
LIMIT = 6

# entity -> (table, name SQL, exact key columns, extra columns shown)
SOURCES = {
    "customer": ("customers", "name", ("credit_code", "phone", "email"), ("phone", "email")),
    "contact": ("contacts", "name", ("phone", "email"), ("phone", "email", "customer_id")),
    "lead": ("leads", "coalesce(company_name, contact_name)", ("credit_code", "phone", "email"),
             ("phone", "email", "status")),
}
# What a new record of an entity is compared with: a lead may already be a customer.
COMPARED = {"customer": ("customer",), "contact": ("contact",), "lead": ("lead", "customer")}

_lock = threading.Lock()
_names: dict[tuple, tuple] = {}  # (database, entity) -> (signature, ids, name keys, pinyin keys)


def spelled(key: str) -> str:
    """A name key with its Chinese characters in toneless pinyin, read character by
    character through the search index's cache (app.search.pinyin_forms): fast enough to
    spell 100,000 names at once, and the same function spells what is typed."""
    return pinyin_forms(key)[0].split(" ")[0] or key


def _name_keys(session, entity: str):
    table, name_sql, _, _ = SOURCES[entity]
    database = str(session.get_bind().url)
    signature = tuple(session.execute(text(f"SELECT count(*), max(updated_at) FROM {table}")).one())
    with _lock:
        hit = _names.get((database, entity))
        if hit and hit[0] == signature:
            return hit[1:]
    rows = session.execute(text(f"SELECT id, {name_sql} FROM {table} WHERE deleted_at IS NULL")).all()
    ids = [r[0] for r in rows]
    keys = [name_key(r[1] or "") for r in rows]
    pinyins = [spelled(k) for k in keys]
    with _lock:
        _names[(database, entity)] = (signature, ids, keys, pinyins)
    return ids, keys, pinyins


def warm(session, entity: str) -> int:
    """Compute (or check) the name keys a lookup of a new `entity` compares with; returns
    how many names are ready."""
    return sum(len(_name_keys(session, other)[0]) for other in COMPARED[entity])


def _candidate_name(entity: str, candidate: dict) -> str:
    if entity == "lead":
        return candidate.get("company_name") or candidate.get("contact_name") or ""
    return candidate.get("name") or ""


def possible_duplicates(session, entity: str, candidate: dict, *, exclude_id: str | None = None,
                        limit: int = LIMIT) -> list[dict]:
    """Records that may be the party being typed, best first: {entity, id, name, reasons
    (credit_code | phone | email | name), score, phone, email, ...}. Keys that are not
    complete yet (half a phone number) are simply not compared."""
    name = _candidate_name(entity, candidate)
    keys = natural_keys({**candidate, "name": name})
    found: dict[tuple[str, str], dict] = {}
    for other in COMPARED[entity]:
        table, name_sql, exact, shown = SOURCES[other]
        columns = ", ".join(dict.fromkeys((*exact, *shown)))
        select_sql = f"SELECT id, {name_sql} AS name, {columns} FROM {table} WHERE deleted_at IS NULL"
        for key in exact:
            if not keys.get(key):
                continue
            for r in session.execute(text(f"{select_sql} AND {key} = :v LIMIT 20"), {"v": keys[key]}).mappings():
                match = found.setdefault((other, r["id"]), {"entity": other, **dict(r), "reasons": [], "score": 100.0})
                match["reasons"].append(key)
        target = name_key(name)
        if len(target) < 2:
            continue
        ids, name_keys, pinyins = _name_keys(session, other)
        best: dict[str, float] = {}
        typed = spelled(target)
        # Typed in Latin letters, the spelled pool holds every name (Latin ones as they are).
        searches = ((target, name_keys), (typed, pinyins)) if typed != target else ((typed, pinyins),)
        for text_, pool in searches:
            for _, score, index in process.extract(text_, pool, scorer=fuzz.ratio,
                                                   score_cutoff=SUGGEST_THRESHOLD, limit=limit):
                best[ids[index]] = max(best.get(ids[index], 0.0), score)
        if len(typed) >= PREFIX_MIN:
            # The start of a longer name ("huawei" of 华为技术): a match while typing.
            for _, score, index in process.extract(typed, pinyins, scorer=fuzz.partial_ratio,
                                                   score_cutoff=PARTIAL_THRESHOLD, limit=limit * 4):
                if len(typed) >= PARTIAL_SHARE * len(pinyins[index]):
                    best.setdefault(ids[index], round(score * len(typed) / len(pinyins[index]), 1))
        if not best:
            continue
        marks = ", ".join(f":i{n}" for n in range(len(best)))
        rows = session.execute(text(f"{select_sql} AND id IN ({marks})"),
                               {f"i{n}": rid for n, rid in enumerate(best)}).mappings()
        for r in rows:
            match = found.setdefault((other, r["id"]), {"entity": other, **dict(r), "reasons": [], "score": 0.0})
            match["reasons"].append("name")
            match["score"] = max(match["score"], round(best[r["id"]], 1))
    out = [m for (e, rid), m in found.items() if not (e == entity and rid == exclude_id)]
    if entity == "contact" and candidate.get("customer_id"):
        # A namesake at another company is not a duplicate; a shared phone or e-mail may be.
        out = [m for m in out if m["reasons"] != ["name"] or m.get("customer_id") == candidate["customer_id"]]
    out.sort(key=lambda m: (-len(set(m["reasons"]) - {"name"}), -m["score"], m["entity"], m["id"]))
    return out[:limit]
