"""What every endpoint needs: the database, the signed-in user, the protocol check, and
the error responses each one documents."""
from __future__ import annotations

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from server import auth
from server.errors import ApiError
from server.schemas import ErrorBody
from server.scopes import Viewer
from sync.protocol import MAX_PROTOCOL, MIN_PROTOCOL, PROTOCOL_HEADER

_bearer = HTTPBearer(auto_error=False, description="the token from POST /api/v1/auth/login")

_TEXT = {
    401: "missing, bad or expired token (invalid_token), or wrong credentials",
    403: "the user's role may not do this (permission_denied)",
    404: "unknown record or route (not_found)",
    409: "the record's state does not allow it",
    410: "the cursor cannot be continued (resync_required): pull again without a cursor",
    413: "body too large (body_too_large) or too many mutations (too_many_mutations)",
    422: "malformed request (malformed_request) or a rule broken (validation_failed)",
    426: "protocol version not supported (protocol_not_supported); details: min_protocol, max_protocol",
    429: "too many failed attempts (too_many_attempts); see Retry-After",
    500: "unexpected failure (internal_error); retry",
}


def errors(*statuses: int) -> dict:
    """The `responses` of a route: the error body for each status it may answer."""
    return {status: {"model": ErrorBody, "description": _TEXT[status]} for status in (*statuses, 500)}


def get_db(request: Request):
    return request.app.state.db


def get_config(request: Request):
    return request.app.state.config


def token_of(credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise ApiError(401, "invalid_token", "sign in first: send Authorization: Bearer <token>",
                       headers={"WWW-Authenticate": "Bearer"})
    return credentials.credentials


def current_viewer(token: str = Depends(token_of), db=Depends(get_db)) -> Viewer:
    """The signed-in user; 401 invalid_token for a missing, unknown, revoked or expired token."""
    if len(token) > 200:
        raise ApiError(401, "invalid_token", "the token is not valid", headers={"WWW-Authenticate": "Bearer"})
    with db.read() as conn:
        viewer = auth.authenticate(conn, token)
    if viewer is None:
        raise ApiError(401, "invalid_token", "the token is not valid (expired or signed out?); sign in again",
                       headers={"WWW-Authenticate": "Bearer"})
    return viewer


def require_protocol(
    protocol: str | None = Header(default=None, alias=PROTOCOL_HEADER,
                                  description="the client's protocol version; this server speaks 1"),
) -> int:
    """426 protocol_not_supported unless the request states a protocol this server speaks."""
    try:
        version = int(protocol) if protocol is not None else None
    except ValueError:
        version = None
    if version is None or not MIN_PROTOCOL <= version <= MAX_PROTOCOL:
        raise ApiError(426, "protocol_not_supported",
                       f"this server speaks sync protocol {MIN_PROTOCOL}..{MAX_PROTOCOL}; "
                       f"send {PROTOCOL_HEADER}: {MAX_PROTOCOL} (upgrade the client if it speaks another)",
                       {"min_protocol": MIN_PROTOCOL, "max_protocol": MAX_PROTOCOL},
                       headers={"Upgrade": f"ltc-protocol/{MAX_PROTOCOL}"})
    return version


def sync_viewer(_: int = Depends(require_protocol), viewer: Viewer = Depends(current_viewer)) -> Viewer:
    """A sync request: protocol checked first (an old client learns it must upgrade), then the token."""
    return viewer
