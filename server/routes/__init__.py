"""The HTTP endpoints of PROTOCOL.md, one module per group, under /api/v1."""
from __future__ import annotations

from fastapi import APIRouter

from server.routes import account, admin, conflicts, invoices, meta, records, sync

router = APIRouter()
for module in (meta, account, sync, conflicts, invoices, admin, records):
    router.include_router(module.router)
