"""The ASGI application: `create_app()` (also usable as `uvicorn --factory server.app:create_app`,
configured by LTC_SERVER_DATABASE_URL)."""
from __future__ import annotations

import logging
import zlib
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import __version__
from server import compression, dictionary, errors
from server.compression import Compression
from server.config import ServerConfig
from server.db import Database
from server.routes import router
from sync.protocol import API_PREFIX, MAX_BODY_BYTES

log = logging.getLogger(__name__)


class BodyTooLarge(StarletteHTTPException):
    def __init__(self):
        super().__init__(413, f"the request body is larger than {MAX_BODY_BYTES} bytes")


class RequestBodies:
    """Refuse bodies over `max_bytes` with 413 (by Content-Length before reading any of
    it, or while reading one sent without a length) and unpack gzip-encoded bodies, also
    within the limit once unpacked."""

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {name: value for name, value in scope.get("headers", ())}
        if b"content-length" in headers:
            try:
                length = int(headers[b"content-length"])
            except ValueError:
                length = -1
            if length < 0:
                return await self._refuse(scope, receive, send, 422, "malformed_request", "bad Content-Length header")
            if length > self.max_bytes:
                return await self._too_large(scope, receive, send)
        encoding = headers.get(b"content-encoding", b"identity").strip().lower()
        if encoding == b"identity":
            return await self.app(scope, self._limited(receive), send)
        if encoding != b"gzip":
            return await self._refuse(scope, receive, send, 415, "unsupported_media_type",
                                      "a request body may be sent plain or gzip-encoded")
        packed = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return
            packed += message.get("body", b"")
            more = message.get("more_body", False)
            if len(packed) > self.max_bytes:
                return await self._too_large(scope, receive, send)
        unpacker = zlib.decompressobj(wbits=31)
        try:
            body = unpacker.decompress(bytes(packed), self.max_bytes + 1)
        except zlib.error:
            return await self._refuse(scope, receive, send, 422, "malformed_request", "the gzip body is damaged")
        if len(body) > self.max_bytes:
            return await self._too_large(scope, receive, send)
        if not unpacker.eof:
            return await self._refuse(scope, receive, send, 422, "malformed_request", "the gzip body is incomplete")
        scope = dict(scope)
        scope["headers"] = [(k, v) for k, v in scope["headers"] if k not in (b"content-encoding", b"content-length")]
        scope["headers"].append((b"content-length", str(len(body)).encode()))
        delivered = False

        async def replay():
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    def _limited(self, receive):
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message.get("type") == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge()
            return message
        return limited_receive

    async def _too_large(self, scope, receive, send):
        return await self._refuse(scope, receive, send, 413, "body_too_large",
                                  f"the request body is larger than {self.max_bytes} bytes")

    @staticmethod
    async def _refuse(scope, receive, send, status: int, code: str, message: str):
        await errors.error_response(status, code, message)(scope, receive, send)


def create_app(config: ServerConfig | None = None) -> FastAPI:
    """The server application on `config`'s database, migrated and seeded before it serves."""
    config = config or ServerConfig.from_env()
    db = Database(config.database_url)
    db.migrate()
    dictionary.seed_defaults(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        db.dispose()

    app = FastAPI(
        title="LTC Desk server", version=__version__, lifespan=lifespan, redoc_url=None,
        description="The central server of LTC Desk: sync protocol version 1 (see PROTOCOL.md). "
                    "Every error answers {\"error\": {\"code\", \"message\", \"details\"}}.")
    app.state.db = db
    app.state.config = config
    errors.install(app)
    app.add_middleware(RequestBodies, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(Compression, mode=compression.mode_from_env())
    app.include_router(router, prefix=API_PREFIX)
    log.info("LTC Desk server on %s", db.display_url)
    return app
