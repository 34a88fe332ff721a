"""The admin's conflict desk on the server: the queue with filters and counts, a record's
server history, bulk decisions, merges and the duplicate scan. Every call goes through
the engine's token (sync/admin.py) and raises SyncError with the server's message."""
from __future__ import annotations

from dataclasses import dataclass

from sync.admin import call
from sync.engine import SyncEngine, SyncError

FILTERS = ("kind", "entity", "user", "device", "min_age_hours")


def list_conflicts(engine: SyncEngine, status: str = "open", *, limit: int | None = None,
                   newest_first: bool = False, **filters) -> list[dict]:
    """Conflicts as the server lists them (an admin: all; anyone else: their own),
    narrowed by `filters` (kind, entity, user, device, min_age_hours); oldest first
    unless `newest_first`; at most `limit`."""
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise ValueError(f"unknown conflict filters: {', '.join(sorted(unknown))}")
    params = {"status": status, **{k: v for k, v in filters.items() if v not in (None, "")}}
    if limit is not None:
        params["limit"] = limit
    if newest_first:
        params["newest_first"] = "true"
    return call(engine, "GET", "/conflicts", params=params)


def conflict_counts(engine: SyncEngine, status: str = "open") -> dict:
    """{"total", "by_kind": {kind: n}, "by_entity": {entity: n}} of the conflicts the user sees."""
    return call(engine, "GET", "/conflicts/counts", params={"status": status})


def record_history(engine: SyncEngine, entity: str, record_id: str) -> dict:
    """The record as the server holds it (deleted ones too) with its audit events, newest first."""
    return call(engine, "GET", f"/records/{entity}/{record_id}/history")


def scan_duplicates(engine: SyncEngine, entities: list[str] | None = None) -> dict:
    """Run the server's duplicate scan; returns {"scanned", "pairs", "opened", "seconds"}."""
    body = {"entities": list(entities)} if entities else {}
    return call(engine, "POST", "/admin/scan-duplicates", body=body, retry=False)


def merge_records(engine: SyncEngine, entity: str, survivor_id: str, loser_id: str, *,
                  fields: dict | None = None, conflict_id: str | None = None, note: str | None = None) -> dict:
    """Merge `loser_id` into `survivor_id` on the server (the survivor takes `fields`);
    returns {"survivor_id", "loser_id", "version", "repointed", "resolved_conflicts"}."""
    body = {"entity": entity, "survivor_id": survivor_id, "loser_id": loser_id, "fields": fields or {}}
    if conflict_id:
        body["conflict_id"] = conflict_id
    if note:
        body["note"] = note
    return call(engine, "POST", "/admin/merge", body=body, retry=False)


# -- bulk decisions -----------------------------------------------------------------

@dataclass(frozen=True)
class BulkRule:
    """One decision applied to many conflicts of one kind.

    kind "field": `take` server or client, for `field` only (conflicts about other
    fields too are skipped, so nothing is decided that the rule does not name) or, with
    no field, for every field; "edit_delete" / "delete_edit": `action` restore or
    confirm_delete; "duplicate": keep both; "orphan": `action` restore_parent or discard.
    """

    kind: str
    take: str | None = None
    field: str | None = None
    action: str | None = None
    note: str | None = None

    def body_for(self, conflict: dict) -> dict:
        """The resolve body for `conflict`; ValueError with the reason it does not apply."""
        if conflict.get("status", "open") != "open":
            raise ValueError("already resolved")
        if conflict["kind"] != self.kind:
            raise ValueError(f"is a {conflict['kind']} conflict, the rule is for {self.kind}")
        note = {"note": self.note} if self.note else {}
        if self.kind == "field":
            if self.take not in ("server", "client"):
                raise ValueError("say take server or take client")
            names = list(conflict.get("fields") or {})
            if self.field:
                if self.field not in names:
                    raise ValueError(f"is not about {self.field}")
                others = [n for n in names if n != self.field]
                if others:
                    raise ValueError(f"is also about {', '.join(others)}")
            return {"fields": {n: {"take": self.take} for n in names}, **note}
        if self.kind in ("edit_delete", "delete_edit"):
            if self.action not in ("restore", "confirm_delete"):
                raise ValueError("say restore or confirm_delete")
            return {"action": self.action, **note}
        if self.kind == "duplicate":
            return {"keep_both": True, **note}
        if self.kind == "orphan":
            if self.action not in ("restore_parent", "discard"):
                raise ValueError("say restore_parent or discard")
            return {"action": self.action, **note}
        raise ValueError(f"unknown conflict kind {self.kind}")


def plan(conflicts: list[dict], rule: BulkRule) -> tuple[list[tuple[dict, dict]], list[tuple[dict, str]]]:
    """Split `conflicts` into (conflict, body) pairs the rule decides and (conflict,
    reason) pairs it leaves alone."""
    decided, skipped = [], []
    for conflict in conflicts:
        try:
            decided.append((conflict, rule.body_for(conflict)))
        except ValueError as exc:
            skipped.append((conflict, str(exc)))
    return decided, skipped


def resolve_many(engine: SyncEngine, conflicts: list[dict], rule: BulkRule, progress=None) -> dict:
    """Apply `rule` to each conflict it fits, one request each (one refused decision does
    not stop the others). Returns {"resolved": {id: version}, "failed": {id: message},
    "skipped": {id: reason}}."""
    decided, skipped = plan(conflicts, rule)
    out = {"resolved": {}, "failed": {}, "skipped": {c["id"]: reason for c, reason in skipped}}
    for n, (conflict, body) in enumerate(decided, start=1):
        try:
            reply = call(engine, "POST", f"/conflicts/{conflict['id']}/resolve", body=body, retry=False)
            out["resolved"][conflict["id"]] = reply["version"]
        except SyncError as exc:
            out["failed"][conflict["id"]] = exc.message
        if progress is not None:
            progress(n, len(decided))
    return out
