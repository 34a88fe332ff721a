"""Push, pull and the long poll."""
from __future__ import annotations

import asyncio
import time

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from server import devices, pull, push
from server.responses import OrjsonResponse
from server.routes.deps import errors, get_config, get_db, sync_viewer
from server.schemas import PullResponse, PushRequest, PushResponse, WaitResponse
from sync.protocol import MAX_PULL_LIMIT, MAX_WAIT_SECONDS

router = APIRouter(prefix="/sync", tags=["sync"])


@router.post("/push", response_model=PushResponse, responses=errors(401, 413, 422, 426))
def push_changes(body: PushRequest, viewer=Depends(sync_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """Apply a batch of mutations; one result per mutation, in order (applied, merged,
    conflict or rejected). A replayed mutation id returns its stored result."""
    return OrjsonResponse({"results": push.push(db, viewer, body)})


@router.get("/pull", response_model=PullResponse, responses=errors(401, 410, 422, 426))
def pull_changes(cursor: str | None = Query(default=None, max_length=200, description="opaque; none: from the start"),
                 limit: int | None = Query(default=None, ge=1, le=MAX_PULL_LIMIT),
                 viewer=Depends(sync_viewer), db=Depends(get_db)) -> Response:
    """The changes after `cursor` in the caller's scope, oldest first; `has_more` says
    another page is waiting. Never skips a change."""
    body, has_more = pull.page(db, viewer, cursor, limit)
    if not has_more:
        devices.saw_pull(db, viewer)  # the device is up to date now
    return Response(body, media_type="application/json")


@router.get("/wait", response_model=WaitResponse, responses=errors(401, 410, 422, 426))
async def wait_for_changes(request: Request,
                           cursor: str | None = Query(default=None, max_length=200),
                           timeout: float = Query(default=MAX_WAIT_SECONDS, ge=0, le=3600,
                                                  description=f"seconds; at most {MAX_WAIT_SECONDS} are used"),
                           viewer=Depends(sync_viewer), db=Depends(get_db),
                           config=Depends(get_config)) -> OrjsonResponse:
    """Long poll: answers `changed: true` as soon as something in the caller's scope
    changed after `cursor`, or `changed: false` at the timeout."""
    deadline = time.monotonic() + min(timeout, MAX_WAIT_SECONDS)
    while True:
        changed, new_cursor = await run_in_threadpool(pull.changed_since, db, viewer, cursor)
        remaining = deadline - time.monotonic()
        if changed or remaining <= 0 or await request.is_disconnected():
            return OrjsonResponse({"changed": changed, "cursor": new_cursor})
        await asyncio.sleep(min(config.wait_interval_seconds, remaining))
