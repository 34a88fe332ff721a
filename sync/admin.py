"""Server calls beyond push and pull: the conflict queue and invoice issuing. Used by
the desktop client's admin and finance screens; every call needs a signed-in engine."""
from __future__ import annotations

from sync.engine import NEEDS_SIGN_IN, SyncEngine, SyncError
from sync.transport import AuthRequired, TransportError


def call(engine: SyncEngine, method: str, path: str, **kwargs):
    """One request to the server with the engine's token; SyncError (with the state to
    show) for anything that fails, the server's message included."""
    token = engine._token()
    if not token:
        raise SyncError("sign in first", NEEDS_SIGN_IN)
    transport = engine._transport(token)
    try:
        return transport.request(method, path, **kwargs)
    except AuthRequired:
        engine.state = NEEDS_SIGN_IN
        raise SyncError("the server asks you to sign in again", NEEDS_SIGN_IN) from None
    except TransportError as exc:
        raise SyncError(exc.message) from None
    finally:
        transport.close()


_call = call


def list_conflicts(engine: SyncEngine, status: str = "open") -> list[dict]:
    return _call(engine, "GET", "/conflicts", params={"status": status})


def resolve_conflict(engine: SyncEngine, conflict_id: str, resolution: dict) -> dict:
    """`resolution` as PROTOCOL.md: {"fields": {...}, "note": ...} or {"merge_into": id} or
    {"keep_both": true} (plus the action forms for edit/delete and orphan conflicts)."""
    return _call(engine, "POST", f"/conflicts/{conflict_id}/resolve", body=resolution, retry=False)


def issue_invoice(engine: SyncEngine, invoice_id: str) -> dict:
    """Ask the server for the invoice's legal number (finance). The issued invoice
    arrives with the next pull."""
    return _call(engine, "POST", f"/invoices/{invoice_id}/issue", body={}, retry=False)
