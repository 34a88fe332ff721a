"""Server-side views of single records (admin)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path

from server import history
from server.admin_schemas import RecordHistory
from server.responses import OrjsonResponse
from server.routes.deps import current_viewer, errors, get_db

router = APIRouter(prefix="/records", tags=["records"])


@router.get("/{entity}/{record_id}/history", response_model=RecordHistory, responses=errors(401, 403, 404))
def record_history(entity: str = Path(max_length=40), record_id: str = Path(max_length=64),
                   viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """The record as the server holds it (deleted ones too) and its audit trail, newest
    first: who changed what, when, and how it arrived."""
    return OrjsonResponse(history.record_history(db, viewer, entity, record_id))
