"""Administration: accounts, books, devices, the duplicate scan and merges (admin only)."""
from __future__ import annotations

from fastapi import APIRouter, Body, Depends, Path
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from app.rules import permissions
from server import devices, duplicate_scan, merges, user_admin
from server.admin_schemas import (
    AccountCreate, AccountOut, AccountUpdate, DeviceOut, MergeRequest, MergeResponse, PasswordRequest,
    ReassignRequest, ReassignResponse, ScanRequest, ScanResponse,
)
from server.responses import OrjsonResponse
from server.routes.deps import current_viewer, errors, get_db

router = APIRouter(prefix="/admin", tags=["admin"])
UserId = Path(max_length=64, description="the user's id")


@router.get("/users", response_model=list[AccountOut], responses=errors(401, 403))
def list_users(viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """Every account with its role, manager, team, state and the size of its book."""
    return OrjsonResponse(user_admin.list_accounts(db, viewer))


@router.post("/users", response_model=AccountOut, status_code=201, responses=errors(401, 403, 422))
def create_user(body: AccountCreate, viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """Create an account with an initial password; its `user` record reaches every client."""
    return OrjsonResponse(user_admin.create_account(db, viewer, body), status_code=201)


@router.patch("/users/{user_id}", response_model=AccountOut, responses=errors(401, 403, 404, 422))
def update_user(body: AccountUpdate, user_id: str = UserId, viewer=Depends(current_viewer),
                db=Depends(get_db)) -> OrjsonResponse:
    """Change display name, role, manager, team or active. Disabling revokes the user's
    tokens; a new role or manager makes the affected clients pull their scope again."""
    return OrjsonResponse(user_admin.update_account(db, viewer, user_id, body))


@router.post("/users/{user_id}/password", status_code=204, responses=errors(401, 403, 404, 422))
def set_password(body: PasswordRequest, user_id: str = UserId, viewer=Depends(current_viewer),
                 db=Depends(get_db)) -> Response:
    """Set a new password (the user's existing sign-ins keep working)."""
    user_admin.set_password(db, viewer, user_id, body.password)
    return Response(status_code=204)


@router.post("/reassign", response_model=ReassignResponse, responses=errors(401, 403, 404, 422))
def reassign(body: ReassignRequest, viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """Move one user's book (customers with everything hanging off them, leads, their
    deals on those customers) to another: evictions and arrivals follow on each side's
    next sync."""
    return OrjsonResponse(user_admin.reassign_book(db, viewer, body.from_user_id, body.to_user_id))


@router.get("/devices", response_model=list[DeviceOut], responses=errors(401, 403))
def list_devices(viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """Per device: its user, app version, last push, changes still queued there, rejected
    mutations and open conflicts."""
    permissions.require_role(viewer.role, ("admin",), "list devices")
    with db.read() as conn:
        return OrjsonResponse(devices.overview(conn))


@router.post("/scan-duplicates", response_model=ScanResponse, responses=errors(401, 403, 422))
async def scan_duplicates(body: ScanRequest | None = Body(default=None), viewer=Depends(current_viewer),
                          db=Depends(get_db)) -> OrjsonResponse:
    """Look for likely duplicate customers, contacts and leads; each new pair becomes a
    duplicate conflict in the queue (a pair already asked about is never asked again)."""
    permissions.require_role(viewer.role, ("admin",), "scan for duplicates")
    entities = body.entities if body is not None else duplicate_scan.ENTITIES
    result = await run_in_threadpool(duplicate_scan.scan, db, tuple(dict.fromkeys(entities)))
    return OrjsonResponse(result)


@router.post("/merge", response_model=MergeResponse, responses=errors(401, 403, 404, 409, 422))
def merge(body: MergeRequest, viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """Merge the loser into the survivor: the survivor takes the chosen values, every
    record pointing at the loser is re-pointed, the loser is deleted with a redirect, and
    duplicate conflicts between the two are decided."""
    return OrjsonResponse(merges.merge(db, viewer, body))
