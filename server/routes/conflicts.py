"""The conflict queue."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Path, Query

from server import conflicts
from server.responses import OrjsonResponse
from server.routes.deps import current_viewer, errors, get_db
from server.schemas import ConflictOut, ResolveRequest, ResolveResponse

router = APIRouter(prefix="/conflicts", tags=["conflicts"])


@router.get("", response_model=list[ConflictOut], responses=errors(401, 422))
def list_conflicts(status: Literal["open", "resolved"] = Query(default="open"),
                   viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """An admin sees every conflict; anyone else the conflicts their own changes caused."""
    with db.read() as conn:
        return OrjsonResponse(conflicts.list_conflicts(conn, viewer, status))


@router.post("/{conflict_id}/resolve", response_model=ResolveResponse, responses=errors(401, 403, 404, 409, 422))
def resolve_conflict(body: ResolveRequest, conflict_id: str = Path(max_length=64),
                     viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """Decide a conflict (admin). The outcome is a new version of the record that every
    client pulls."""
    return OrjsonResponse(conflicts.resolve(db, viewer, conflict_id, body))
