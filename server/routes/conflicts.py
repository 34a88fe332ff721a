"""The conflict queue."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Path, Query

from server import conflicts
from server.admin_schemas import ConflictCounts
from server.responses import OrjsonResponse
from server.routes.deps import current_viewer, errors, get_db
from server.schemas import ConflictOut, ResolveRequest, ResolveResponse
from sync.protocol import CONFLICT_KINDS

router = APIRouter(prefix="/conflicts", tags=["conflicts"])


@router.get("", response_model=list[ConflictOut], responses=errors(401, 422))
def list_conflicts(status: Literal["open", "resolved"] = Query(default="open"),
                   kind: Literal[CONFLICT_KINDS] | None = Query(default=None),  # type: ignore[valid-type]
                   entity: str | None = Query(default=None, max_length=40),
                   user: str | None = Query(default=None, max_length=64, description="user name of who caused it"),
                   device: str | None = Query(default=None, max_length=120, description="device name"),
                   min_age_hours: int | None = Query(default=None, ge=0, le=24 * 3650,
                                                     description="only conflicts at least this old"),
                   limit: int | None = Query(default=None, ge=1, le=10_000, description="at most this many"),
                   newest_first: bool = Query(default=False, description="the newest first instead of the oldest"),
                   viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """An admin sees every conflict; anyone else the conflicts their own changes caused.
    Optional filters narrow the list; oldest first (decided ones by when they were
    decided) unless `newest_first`."""
    with db.read() as conn:
        return OrjsonResponse(conflicts.list_conflicts(conn, viewer, status, kind=kind, entity=entity, user=user,
                                                       device=device, min_age_hours=min_age_hours, limit=limit,
                                                       newest_first=newest_first))


@router.get("/counts", response_model=ConflictCounts, responses=errors(401, 422))
def count_conflicts(status: Literal["open", "resolved"] = Query(default="open"),
                    viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """How many conflicts the caller sees, in total, per kind and per entity."""
    with db.read() as conn:
        return OrjsonResponse(conflicts.counts(conn, viewer, status))


@router.post("/{conflict_id}/resolve", response_model=ResolveResponse, responses=errors(401, 403, 404, 409, 422))
def resolve_conflict(body: ResolveRequest, conflict_id: str = Path(max_length=64),
                     viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """Decide a conflict (admin). The outcome is a new version of the record that every
    client pulls."""
    return OrjsonResponse(conflicts.resolve(db, viewer, conflict_id, body))
