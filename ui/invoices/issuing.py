"""Issuing an invoice online: the legal number comes from the server (gapless per
series), so finance asks it while connected. Runs on a background thread; no Qt here."""
from __future__ import annotations

import time

from sync import admin
from sync.engine import SYNCING, SyncError

BUSY_WAIT_S = 0.25
BUSY_TRIES = 120  # half a minute for a running sync to finish


def engine_of(workspace):
    """The sync engine behind the workspace's adapter, or None for a local-only profile."""
    return getattr(workspace.sync, "engine", None)


def can_issue_online(workspace) -> bool:
    sync = workspace.sync
    return engine_of(workspace) is not None and sync.available() and sync.online()


def issue_online(engine, invoice_id: str) -> dict:
    """Send everything queued (so the server holds the invoice as this computer does),
    then ask the server to number and issue it. Returns the server's answer ({"number",
    "status", "issued_on", "due_on", ...}); the issued invoice itself arrives with the
    next pull. Raises SyncError when the server cannot be reached or refuses."""
    for attempt in range(BUSY_TRIES):
        try:
            engine.sync()
            break
        except SyncError as exc:
            # The scheduled sync got there first: wait for it rather than fail.
            if exc.state != SYNCING or attempt == BUSY_TRIES - 1:
                raise
            time.sleep(BUSY_WAIT_S)
    return admin.issue_invoice(engine, invoice_id)
