"""Errors at the HTTP edge: every non-2xx answer is `{"error": {"code", "message", "details"}}`.

Domain errors from the shared rules keep their codes; FastAPI's own 404/405/422 and any
unexpected exception are reshaped here too, so a client never sees another body.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from server.responses import OrjsonResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import (
    DomainError, DuplicateFound, Immutable, InvalidTransition, NotFound, PermissionDenied, ValidationError,
)
from sync.protocol import MAX_MUTATIONS_PER_PUSH

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An answer other than success: HTTP status, stable code, human message."""

    def __init__(self, status: int, code: str, message: str, details: dict | None = None,
                 headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.headers = headers or {}


class Rejected(DomainError):
    """A push mutation refused for a reason the shared rules do not name."""

    def __init__(self, code: str, message: str, *, details: dict | None = None, fields: dict | None = None):
        super().__init__(message, details=details)
        self.code = code
        self.fields = fields or {}


def error_body(code: str, message: str, details: dict | None = None) -> dict:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def error_response(status: int, code: str, message: str, details: dict | None = None,
                   headers: dict | None = None) -> OrjsonResponse:
    return OrjsonResponse(error_body(code, message, details), status_code=status, headers=headers)


def mutation_error(exc: DomainError) -> dict:
    """The `error` of a rejected push result: code, message, per-field messages, details."""
    fields = getattr(exc, "fields", None) or {}
    details = {k: v for k, v in exc.details.items() if k != "fields"}
    return {"code": exc.code, "message": exc.message, "fields": fields, "details": details}


DOMAIN_STATUS = [
    (InvalidTransition, 409),
    (ValidationError, 422),
    (PermissionDenied, 403),
    (NotFound, 404),
    (Immutable, 409),
    (DuplicateFound, 409),
]

HTTP_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "permission_denied", 404: "not_found",
    405: "method_not_allowed", 406: "not_acceptable", 409: "conflict", 413: "body_too_large",
    415: "unsupported_media_type", 422: "malformed_request", 429: "too_many_attempts",
}


def _domain_status(exc: DomainError) -> int:
    for cls, status in DOMAIN_STATUS:
        if isinstance(exc, cls):
            return status
    return 400


def _validation_response(exc: RequestValidationError) -> OrjsonResponse:
    problems = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        if loc[:2] == ["body", "mutations"] and len(loc) == 2 and err.get("type") == "too_long":
            return error_response(413, "too_many_mutations",
                                  f"a push carries at most {MAX_MUTATIONS_PER_PUSH} mutations; send the rest next",
                                  {"max_mutations": MAX_MUTATIONS_PER_PUSH})
        problems.append({"location": ".".join(loc), "message": str(err.get("msg", ""))})
    first = problems[0] if problems else {"location": "", "message": "malformed request"}
    return error_response(422, "malformed_request", f"{first['location']}: {first['message']}",
                          {"problems": problems[:20]})


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the protocol's shape."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError):
        details = dict(exc.details)
        if getattr(exc, "fields", None):
            details["fields"] = exc.fields
        return error_response(_domain_status(exc), exc.code, exc.message, details)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return _validation_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 400:
            # FastAPI's "error parsing the body" (e.g. bytes that are not UTF-8): malformed.
            return error_response(422, "malformed_request", "the request body could not be read as JSON")
        code = HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal_error", "the server failed to handle this request; try again")
