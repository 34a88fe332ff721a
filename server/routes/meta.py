"""Health, the signed-in user and the data dictionary."""
from __future__ import annotations

from fastapi import APIRouter, Depends

from app import clock
from server import dictionary
from server.responses import OrjsonResponse
from server.routes.deps import current_viewer, errors, get_db
from server.schemas import Health, UserInfo
from sync.protocol import PROTOCOL_VERSION

router = APIRouter()


@router.get("/health", response_model=Health, tags=["meta"], responses=errors())
def health() -> OrjsonResponse:
    """Liveness: no token needed."""
    return OrjsonResponse({"status": "ok", "protocol": PROTOCOL_VERSION, "server_time": clock.now_iso()})


@router.get("/me", response_model=UserInfo, tags=["meta"], responses=errors(401))
def me(viewer=Depends(current_viewer)) -> OrjsonResponse:
    return OrjsonResponse(viewer.public())


@router.get("/dictionary", tags=["meta"], responses=errors(401))
def get_dictionary(viewer=Depends(current_viewer), db=Depends(get_db)) -> OrjsonResponse:
    """Every synced entity with its fields, types, required flags and controlled
    vocabularies: the definitions both ends validate with."""
    with db.read() as conn:
        return OrjsonResponse(dictionary.published(conn))
