"""The central server inside this process, for the self-test and the demo.

    from server.embedded import start_embedded

    server = start_embedded()                 # SQLite in a temporary folder, a free port
    server.add_user("rep1", "rep", "secret")  # accounts straight in the database
    ... SyncEngine(store).login(server.url, "rep1", "secret") ...
    server.stop()                             # or: `with start_embedded() as server:`

It serves the same application as `main.py server` (migrated, dictionary seeded),
with uvicorn in a daemon thread on 127.0.0.1 only. Logging is left to the host
program (uvicorn does not reconfigure it, and access logs are off).
"""
from __future__ import annotations

import asyncio
import logging
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn

from server.app import create_app
from server.config import ServerConfig

HOST = "127.0.0.1"
# A long poll (up to 30 s) must not hold up `stop()`: open requests get this long.
GRACE_SECONDS = 1


class _QuietShutdown(logging.Filter):
    """While stopping, requests still open (long polls) are cancelled on purpose: that is
    no error worth a traceback in the host program's log."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not (isinstance(exc, asyncio.CancelledError) or record.getMessage().startswith("Cancel "))


class EmbeddedServer:
    """A running embedded server: `url` (http://127.0.0.1:PORT, no trailing slash),
    `database_url`, `db` (server.db.Database); `stop()` ends it."""

    def __init__(self, server: uvicorn.Server, thread: threading.Thread, url: str, database_url: str,
                 db, temp_dir: Path | None):
        self._server, self._thread = server, thread
        self.url, self.database_url, self.db = url, database_url, db
        self._temp_dir = temp_dir

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def add_user(self, username: str, role: str, password: str, *, manager: str | None = None,
                 display_name: str | None = None) -> dict:
        """Create an account (role rep|manager|finance|admin); returns its user record.
        Raises app.errors.ValidationError for a taken name, a bad role or an unknown manager."""
        from server.users import create_user

        return create_user(self.db, username, role=role, password=password, manager=manager,
                           display_name=display_name)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving (open requests get GRACE_SECONDS), close the database and remove
        the temporary database folder if this server made one. Safe to call twice."""
        quiet = _QuietShutdown()
        uvicorn_log = logging.getLogger("uvicorn.error")
        uvicorn_log.addFilter(quiet)
        try:
            self._server.should_exit = True
            self._thread.join(timeout)
            if self._thread.is_alive():
                self._server.force_exit = True
                self._thread.join(timeout)
        finally:
            uvicorn_log.removeFilter(quiet)
        self.db.dispose()
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def __enter__(self) -> "EmbeddedServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_embedded(database_url: str | None = None, *, port: int = 0, timeout: float = 30.0,
                   owned_dir: Path | None = None) -> EmbeddedServer:
    """Start the server in this process and return once it accepts requests.

    `database_url`: any URL `main.py server` takes; None means a new SQLite file in a
    temporary folder, deleted by `stop()`. `port`: 0 picks a free one. Migrations run
    before this returns (their errors raise here). Raises RuntimeError if the server
    does not come up within `timeout` seconds. `owned_dir`: a folder (holding the
    database) that `stop()` deletes, as it deletes the temporary one it makes itself."""
    temp_dir = owned_dir
    if database_url is None:
        temp_dir = Path(tempfile.mkdtemp(prefix="ltc-embedded-"))
        database_url = f"sqlite:///{temp_dir / 'server.sqlite'}"
    try:
        app = create_app(ServerConfig.from_env(database_url))
        # Binding here (not in uvicorn) means the port is known and ours before the thread starts.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
        sock.listen(128)
    except BaseException:
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
        raise
    config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on",
                            timeout_graceful_shutdown=GRACE_SECONDS)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="embedded-server",
                              daemon=True)
    url = f"http://{HOST}:{sock.getsockname()[1]}"
    embedded = EmbeddedServer(server, thread, url, database_url, app.state.db, temp_dir)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            embedded.stop(timeout=2)
            sock.close()
            raise RuntimeError(f"the embedded server did not start within {timeout:.0f} s")
        time.sleep(0.02)
    return embedded
