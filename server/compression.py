"""Compressed responses for clients across a network; none for clients on this machine.

A pull page of 5,000 records is about 2.5 MB of JSON and gzips to a sixth of that, which
matters on a field rep's hotel Wi-Fi. On loopback (a demo, a client beside the server, a
reverse proxy that compresses itself) gzip only costs CPU, so it is skipped there.
`LTC_SERVER_GZIP=always|remote|off` overrides (default remote).
"""
from __future__ import annotations

import os

from starlette.middleware.gzip import GZipMiddleware

GZIP_ENV = "LTC_SERVER_GZIP"
MODES = ("always", "remote", "off")
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def mode_from_env() -> str:
    mode = (os.environ.get(GZIP_ENV) or "remote").strip().lower()
    if mode not in MODES:
        raise SystemExit(f"{GZIP_ENV} must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


class Compression:
    """ASGI middleware: gzip (level 5, from 4 KiB) as the mode and the client allow."""

    def __init__(self, app, mode: str = "remote"):
        self.app = app
        self.mode = mode
        self.gzip = GZipMiddleware(app, minimum_size=4096, compresslevel=5)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self._wanted(scope):
            return await self.gzip(scope, receive, send)
        return await self.app(scope, receive, send)

    def _wanted(self, scope) -> bool:
        if self.mode == "off":
            return False
        if self.mode == "always":
            return True
        client = scope.get("client")
        return not (client and client[0] in LOOPBACK)
