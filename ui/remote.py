"""Calls to the server's admin API from the screens, as background operations.

The calls themselves live in sync/ (sync.admin, sync.admin_conflicts, sync.admin_users)
and take the signed-in SyncEngine, which the workspace's sync adapter holds. A refusal
or an unreachable server comes back as a ServerRefused (a DomainError: the main window
shows its message in the status bar instead of an error box), so each screen can also
show it where the person is looking.
"""
from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication

from app.errors import DomainError

log = logging.getLogger(__name__)


class ServerRefused(DomainError):
    """The server said no (or could not be reached); `message` says why."""

    code = "server_refused"


def engine_of(workspace):
    """The workspace's SyncEngine, or None for a profile that works on its own."""
    engine = getattr(workspace.sync, "engine", None)
    return engine if engine is not None and getattr(engine, "server_url", None) else None


def connected(workspace) -> bool:
    return engine_of(workspace) is not None


def alive(widget) -> bool:
    """False once the widget's C++ side is gone (a view closed while its request ran)."""
    return shiboken6.isValid(widget)


class Latest:
    """For a screen that reloads from several answers: `current = latest.start()` at each
    reload, then wrap every callback in `current(...)`. A reload started while another is
    on its way supersedes it, and the older answers are dropped instead of mixing in."""

    def __init__(self):
        self._n = 0

    def start(self):
        self._n += 1
        n = self._n

        def current(fn):
            def run(*args):
                if n == self._n:
                    fn(*args)
            return run
        return current


def guarded(owner, fn):
    """`fn` for a callback that may arrive after `owner` was closed: then it is dropped."""
    if fn is None:
        return None

    def run(*args):
        if alive(owner):
            fn(*args)
    return run


def call(workspace, fn, *args, on_done=None, on_error=None, owner=None, **kwargs):
    """Run `fn(engine, *args, **kwargs)` off the GUI thread; `on_done(result)` or
    `on_error(ServerRefused)` arrive on it (not at all if `owner`, a widget, is gone by
    then). Returns the Task (None if not connected, in which case `on_error` is told at
    once)."""
    from sync.engine import SyncError

    if owner is not None:
        on_done, on_error = guarded(owner, on_done), guarded(owner, on_error)

    engine = engine_of(workspace)
    if engine is None:
        refused = ServerRefused(QCoreApplication.translate(
            "Remote", "This profile is not connected to a server; sign in to a server to use this."))
        if on_error is not None:
            on_error(refused)
        return None

    def work():
        try:
            return fn(engine, *args, **kwargs)
        except SyncError as exc:
            raise ServerRefused(exc.message) from None
        except ValueError as exc:
            raise ServerRefused(str(exc)) from None

    work.__name__ = getattr(fn, "__name__", "remote")
    return workspace.ops.submit(work, on_done=on_done, on_error=on_error)


def sync_soon(workspace) -> None:
    """Bring this client's copy up to date after a decision on the server."""
    if workspace.sync.available():
        workspace.sync.sync_now()
