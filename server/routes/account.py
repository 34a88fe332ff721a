"""Sign in and sign out."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from server import auth
from server.responses import OrjsonResponse
from server.routes.deps import errors, get_config, get_db, token_of
from server.schemas import LoginRequest, LoginResponse

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=LoginResponse, responses=errors(401, 422, 429))
def login(body: LoginRequest, request: Request, db=Depends(get_db), config=Depends(get_config)) -> OrjsonResponse:
    """A token for the user (kept by the server only as a hash). Wrong credentials: 401
    invalid_credentials; too many failures for the user or the address: 429 with Retry-After."""
    address = request.client.host if request.client else "unknown"
    result = auth.login(db, config, username=body.username, password=body.password,
                        device_name=body.device_name, client_id=body.client_id, address=address)
    return OrjsonResponse(result)


@router.post("/logout", status_code=204, responses=errors(401))
def logout(token: str = Depends(token_of), db=Depends(get_db)) -> Response:
    """Revoke the token: it stops working at once."""
    auth.logout(db, token)
    return Response(status_code=204)
