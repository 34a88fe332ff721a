"""Keeping a profile in sync while the program runs: near real time through the long
poll, on a schedule, on reconnect and on demand. No Qt: the desktop client adapts the
callbacks to signals.

The loop runs in its own thread. While online it waits on the server's long poll and
syncs as soon as the server says something changed in our scope; local edits ask for
a sync through `trigger()`; every `interval` seconds it syncs anyway. Offline it probes
with growing pauses (capped) and syncs the moment the server answers again.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sync.engine import NEEDS_SIGN_IN, NOT_CONNECTED, OFFLINE, UPGRADE_REQUIRED, Progress, SyncEngine, SyncError

log = logging.getLogger(__name__)


class SyncLoop:
    def __init__(self, engine: SyncEngine, *, interval: float = 300.0, poll_timeout: float = 25.0,
                 on_progress: Callable[[Progress], None] | None = None,
                 on_finished: Callable[[object, Exception | None], None] | None = None,
                 on_state: Callable[[str], None] | None = None):
        self.engine = engine
        self.interval = interval
        self.poll_timeout = poll_timeout
        self.on_progress = on_progress or (lambda p: None)
        self.on_finished = on_finished or (lambda summary, error: None)
        self.on_state = on_state or (lambda state: None)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._poller: threading.Thread | None = None
        self._offline_pause = 2.0
        # The long poll starts once the first sync has brought the cursor up to date;
        # before that it would only report what that sync is about to pull anyway.
        self._first_sync_done = threading.Event()

    def start(self) -> None:
        if self._thread and self._thread.is_alive():
            return
        # Each start has its own stop event: a waiting thread of an earlier start, still in
        # its long poll, ends at its next turn instead of carrying on beside the new one.
        self._stop = stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(stop,), name="ltc-sync", daemon=True)
        self._thread.start()
        self._poller = threading.Thread(target=self._poll, args=(stop,), name="ltc-sync-wait", daemon=True)
        self._poller.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self.engine.cancel()
        if self._thread:
            self._thread.join(timeout)
        # The waiting thread may sit in a long poll for up to its timeout; it is a daemon
        # and stops at its next turn, so nobody waits for it.

    def trigger(self) -> None:
        """Sync as soon as possible (Sync now, a local edit, a reconnect)."""
        self._wake.set()

    # The syncing thread: one sync at a time, woken by triggers or the schedule.
    def _run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self._sync_once()
            pause = self.interval if self.engine.state != OFFLINE else self._offline_pause
            if self.engine.state == OFFLINE:
                self._offline_pause = min(self._offline_pause * 2, 60.0)
            else:
                self._offline_pause = 2.0
            self._wake.wait(pause)
            self._wake.clear()

    def _sync_once(self) -> None:
        if self.engine.state in (NOT_CONNECTED, NEEDS_SIGN_IN, UPGRADE_REQUIRED) and self.engine.last_error:
            return
        error = summary = None
        try:
            summary = self.engine.sync(self.on_progress)
        except SyncError as exc:
            error = exc
        except Exception as exc:  # never lose an unexpected failure: report it
            log.exception("sync failed")
            error = exc
        self._first_sync_done.set()
        self.on_state(self.engine.state)
        self.on_finished(summary, error)

    # The waiting thread: long polls and wakes the syncing thread on a change.
    def _poll(self, stop: threading.Event) -> None:
        while not stop.is_set() and not self._first_sync_done.wait(0.5):
            pass
        while not stop.is_set():
            if self.engine.state in (OFFLINE, NOT_CONNECTED, NEEDS_SIGN_IN, UPGRADE_REQUIRED):
                stop.wait(1.0)
                continue
            try:
                if self.engine.wait_for_changes(self.poll_timeout):
                    self.trigger()
            except SyncError:
                if stop.is_set():
                    # Stopped while this poll waited: whoever listened may be gone by now
                    # (the window closed), so nothing is reported.
                    return
                self.on_state(self.engine.state)
                self.trigger()  # the syncing thread finds out what is wrong and backs off
                stop.wait(2.0)
            except Exception:
                log.exception("long poll failed")
                stop.wait(5.0)
