"""The client sync engine: push the outbox, pull the server's pages, keep score.

One sync runs at a time (a lock); it can be cancelled between requests and during
retry waits; it reports progress (phase, pages, records, bytes) through a callback.
A 401 leaves the engine in `needs_sign_in` with everything queued still queued.
"""
from __future__ import annotations

import errno
import logging
import platform
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import OperationalError

from app import __version__, clock
from app.models import ENTITIES, OutboxMutation, ProfileSetting, User
from app.rules.schema import entity_spec
from app.indexes import defer_secondary_indexes, restore_deferred_indexes
from app.store import Actor, Store
from sync import credentials, pusher, resync
from sync.applier import apply_page
from sync.protocol import MAX_WAIT_SECONDS
from sync.transport import (
    AuthRequired, Cancelled, Offline, ResyncRequired, Transport, TransportError, UpgradeRequired,
)

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PREFETCH = 2
# Records per pulled page: fewer, larger transactions write each touched B-tree page
# once instead of many times (25% of the benchmark book: 2,000 -> 21k rows/s, 5,000 ->
# 25k rows/s here); memory stays well inside the budget.
PULL_PAGE = 5000
# Page cache of the connection applying pulled pages (KiB).
APPLY_CACHE_KIB = 64 * 1024
OFFLINE, ONLINE, SYNCING, NEEDS_SIGN_IN, UPGRADE_REQUIRED, NOT_CONNECTED = (
    "offline", "online", "syncing", "needs_sign_in", "upgrade_required", "not_connected")


class SyncError(Exception):
    """A sync could not finish; `message` says why in a sentence."""

    def __init__(self, message: str, state: str = OFFLINE):
        super().__init__(message)
        self.message, self.state = message, state


@dataclass
class Progress:
    phase: str  # push | pull | done
    pages: int = 0
    records: int = 0
    pushed: int = 0
    bytes: int = 0


@dataclass
class SyncSummary:
    pushed: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    deleted: int = 0
    evicted: int = 0
    kept: int = 0
    offered: int = 0  # records a restored server had lost, queued again (sync/resync.py)
    pages: int = 0
    bytes: int = 0
    seconds: float = 0.0
    entities: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        return (f"pushed {self.pushed}, merged {self.merged}, conflicts {self.conflicts}, "
                f"rejected {self.rejected}, pulled {self.pulled}, deleted {self.deleted}, "
                f"evicted {self.evicted} in {self.seconds:.1f} s")


class SyncEngine:
    def __init__(self, store: Store, *, device_name: str | None = None, transport_options: dict | None = None):
        self.store = store
        self.device_name = device_name or platform.node() or "desktop"
        self.transport_options = transport_options or {}
        self.state = NOT_CONNECTED if not store.setting("server_url") else OFFLINE
        self.pull_limit = PULL_PAGE
        self.last_error: str | None = None
        self.keyring_warning: str | None = None
        self._lock = threading.Lock()
        self.cancel_event = threading.Event()
        self._sweep: resync.Sweep | None = None  # a full pull from the start under way

    # -- identity -------------------------------------------------------------------
    @property
    def server_url(self) -> str | None:
        return self.store.setting("server_url")

    @property
    def username(self) -> str | None:
        return self.store.setting("server_username")

    def _transport(self, token: str | None = None, **overrides) -> Transport:
        options = {**self.transport_options, **overrides}
        ca = self.store.setting("ca_bundle")
        if ca and "ca_bundle" not in options:
            options["ca_bundle"] = ca
        return Transport(self.server_url, token=token, cancel=self.cancel_event, **options)

    def login(self, server_url: str, username: str, password: str, *, ca_bundle: str | None = None) -> dict:
        """Sign this profile in. The token goes to the keyring (or memory, with a reason
        in `keyring_warning`); the profile takes the server's identity for its user.

        An offline-only profile keeps everything it holds: records it owned become the
        signed-in user's and go up with the next push. A profile that already belongs to
        another server or user is refused (use another profile)."""
        from sync.transport import normalise_url

        url = normalise_url(server_url)
        bound_url, bound_user = self.server_url, self.username
        if bound_url and (bound_url != url or bound_user != username):
            raise SyncError(f"this profile belongs to {bound_user} at {bound_url}; use another profile "
                            f"for {username} at {url}", NOT_CONNECTED)
        transport = Transport(url, ca_bundle=ca_bundle, **{k: v for k, v in self.transport_options.items()
                                                           if k != "ca_bundle"})
        try:
            # The client id lets the server tell this device's syncs apart (the admin's devices view).
            reply = transport.request("POST", "/auth/login", body={
                "username": username, "password": password, "device_name": self.device_name,
                "client_id": self.store.client_id()}, retry=False)
        except AuthRequired as exc:
            raise SyncError(exc.message or "wrong user name or password", NEEDS_SIGN_IN) from None
        except TransportError as exc:
            raise SyncError(exc.message) from None
        finally:
            transport.close()
        user = reply["user"]
        self._adopt_identity(user)
        with self.store.write() as s:
            for key, value in (("server_url", url), ("server_username", username), ("ca_bundle", ca_bundle)):
                s.merge(ProfileSetting(key=key, value=value))
        self.keyring_warning = credentials.save_token(url, username, reply["token"])
        self.state = ONLINE
        self.last_error = None
        return user

    def logout(self) -> None:
        token = self._token()
        if token and self.server_url:
            transport = self._transport(token, retries=0)
            try:
                transport.request("POST", "/auth/logout", retry=False)
            except TransportError as exc:
                log.info("logout could not reach the server: %s", exc.message)
            finally:
                transport.close()
        if self.server_url and self.username:
            credentials.forget_token(self.server_url, self.username)
        self.state = NEEDS_SIGN_IN

    def _token(self) -> str | None:
        if not self.server_url or not self.username:
            return None
        return credentials.load_token(self.server_url, self.username)

    def _adopt_identity(self, user: dict) -> None:
        old = self.store.actor()
        new = Actor(user["id"], user["username"], user["role"], user.get("display_name"))
        with self.store.write() as s:
            if old.id != new.id:
                _reown(s, old.id, new.id)
            # Mirror ourselves now, so records we create before the first pull can name
            # us as owner; the pull brings the server's full user record.
            t = User.__table__
            if s.execute(select(t.c.id).where(t.c.id == new.id)).first() is None:
                now = clock.now_iso()
                s.execute(t.insert().values(id=new.id, username=new.username, role=new.role,
                                            display_name=new.display_name, active=True,
                                            created_at=now, updated_at=now))
        self.store.set_actor(new)

    # -- sync -----------------------------------------------------------------------
    def sync(self, progress: Callable[[Progress], None] | None = None) -> SyncSummary:
        """Push everything queued, then pull everything new. Raises SyncError."""
        if not self._lock.acquire(blocking=False):
            raise SyncError("a sync is already running", SYNCING)
        self.cancel_event.clear()
        started = time.monotonic()
        summary = SyncSummary()
        report = progress or (lambda p: None)
        try:
            token = self._token()
            if not self.server_url:
                raise SyncError("this profile is not connected to a server", NOT_CONNECTED)
            if not token:
                raise SyncError("sign in to sync", NEEDS_SIGN_IN)
            self.state = SYNCING
            transport = self._transport(token)
            try:
                if _pending_count(self.store):
                    self._verify_cursor(transport, summary, report)
                self._push_all(transport, summary, report)
                offered = summary.offered
                self._pull_all(transport, summary, report)
                if summary.offered > offered:  # a full pull queued records again: send them now
                    self._push_all(transport, summary, report)
                    self._pull_all(transport, summary, report)
                summary.bytes = transport.bytes_received
            finally:
                transport.close()
            summary.seconds = time.monotonic() - started
            self.store.set_setting("last_sync", {"at": clock.now_iso(), "summary": summary.as_dict()})
            self.state, self.last_error = ONLINE, None
            report(Progress("done", summary.pages, summary.pulled, summary.pushed, summary.bytes))
            return summary
        except AuthRequired:
            self.state, self.last_error = NEEDS_SIGN_IN, "the server asks you to sign in again"
            raise SyncError(self.last_error, NEEDS_SIGN_IN) from None
        except UpgradeRequired as exc:
            self.state = UPGRADE_REQUIRED
            self.last_error = ("this version of LTC Desk is too old for the server "
                               f"(it accepts protocol {exc.details.get('min_protocol')} to "
                               f"{exc.details.get('max_protocol')}); please update")
            raise SyncError(self.last_error, UPGRADE_REQUIRED) from None
        except Cancelled:
            self.state, self.last_error = ONLINE, "the sync was cancelled"
            raise SyncError(self.last_error, ONLINE) from None
        except Offline as exc:
            self.state, self.last_error = OFFLINE, exc.message
            raise SyncError(exc.message, OFFLINE) from None
        except TransportError as exc:
            self.state, self.last_error = OFFLINE, exc.message
            raise SyncError(exc.message, OFFLINE) from None
        except (OperationalError, sqlite3.OperationalError, OSError) as exc:
            if not disk_full(exc):
                raise
            # Each page and its cursor are one transaction: the failed one left nothing.
            self.state = ONLINE
            self.last_error = ("the disk is full: this sync could not store what it brought. Nothing was lost: "
                               "the local data is as it was after the last complete step (each pulled page "
                               "is stored whole or not at all); free some disk space and sync again")
            raise SyncError(self.last_error, ONLINE) from None
        except SyncError as exc:
            self.state, self.last_error = exc.state, exc.message
            raise
        finally:
            self._lock.release()

    def cancel(self) -> None:
        self.cancel_event.set()

    def _push_all(self, transport: Transport, summary: SyncSummary, report) -> None:
        while True:
            if self.cancel_event.is_set():
                raise Cancelled("the sync was cancelled")
            with self.store.write() as s:
                batch = pusher.next_batch(s, PUSH_BATCH)
                if batch:
                    pusher.mark_sent(s, batch)
                pending = _pending(s)
            if not batch:
                return
            reply = transport.request("POST", "/sync/push", body={
                "client_id": self.store.client_id(), "device_name": self.device_name,
                # What the device still holds once this batch is in (the admin's devices view).
                "app_version": __version__, "pending": max(pending - len(batch), 0),
                "mutations": [pusher.as_wire(m) for m in batch]})
            with self.store.write() as s:
                stats = pusher.apply_results(s, batch, reply["results"])
            summary.pushed += stats.applied + stats.merged + stats.conflicts
            summary.merged += stats.merged
            summary.conflicts += stats.conflicts
            summary.rejected += stats.rejected
            report(Progress("push", pushed=summary.pushed, bytes=transport.bytes_received))

    def _pull_all(self, transport: Transport, summary: SyncSummary, report) -> None:
        actor_id = self.store.actor().id
        entities = set()
        try:
            self._pull_pages(transport, summary, report, actor_id, entities)
        finally:
            restore_deferred_indexes(self.store)
        summary.entities = sorted(entities)
        if "dictionary_entry" in entities:
            self.store.invalidate_dictionary()
        if "user" in entities:
            self._refresh_actor()

    def _verify_cursor(self, transport: Transport, summary: SyncSummary, report) -> None:
        """Before pushing, ask (one cheap long poll of no wait) whether the server can still
        continue our cursor. A server restored from an older backup cannot, and may lack
        records our queued changes refer to: they are offered back first (sync/resync.py)."""
        cursor = self.store.setting("cursor")
        if not cursor:
            return
        try:
            transport.request("GET", "/sync/wait", params={"cursor": cursor, "timeout": 0})
        except ResyncRequired as exc:
            self._sweep = resync.begin(self.store, exc)
            self._pull_all(transport, summary, report)

    def _pull_pages(self, transport, summary, report, actor_id, entities) -> None:
        while True:
            self._sweep = resync.resume(self.store, self._sweep)
            cursor = self.store.setting("cursor")
            if cursor is None:
                # Everything is coming: build the indexes once at the end instead.
                defer_secondary_indexes(self.store)
            try:
                for page in self._pages(transport, cursor):
                    with self.store.write() as s:
                        s.connection().exec_driver_sql(f"PRAGMA cache_size=-{APPLY_CACHE_KIB}")
                        stats = apply_page(s, page["changes"], page["cursor"], actor_id=actor_id)
                    if self._sweep is not None:
                        self._sweep.saw(page["changes"])
                    entities |= stats.entities
                    summary.pages += 1
                    summary.pulled += stats.upserted
                    summary.deleted += stats.deleted
                    summary.evicted += stats.evicted
                    summary.kept += stats.kept
                    report(Progress("pull", summary.pages, summary.pulled, summary.pushed,
                                    transport.bytes_received))
                if self._sweep is not None:
                    with self.store.write() as s:
                        settled = self._sweep.finish(s)
                    self._sweep = None
                    summary.evicted += settled.removed
                    summary.kept += settled.kept
                    summary.offered += settled.offered
                return
            except ResyncRequired as exc:
                self._sweep = resync.begin(self.store, exc)

    def _pages(self, transport: Transport, cursor: str | None):
        """Pulled pages in order. The next page is fetched while the caller applies this
        one (its cursor comes with the reply), so the server's work and ours overlap;
        at most PREFETCH pages wait in memory."""
        pages: queue.Queue = queue.Queue(maxsize=PREFETCH)
        stop = threading.Event()

        def put(item) -> bool:
            while not stop.is_set():
                try:
                    pages.put(item, timeout=0.2)
                    return True
                except queue.Full:
                    continue
            return False

        def fetch():
            nonlocal cursor
            try:
                while not stop.is_set():
                    if self.cancel_event.is_set():
                        raise Cancelled("the sync was cancelled")
                    params = {"limit": self.pull_limit}
                    if cursor:
                        params["cursor"] = cursor
                    page = transport.request("GET", "/sync/pull", params=params)
                    if not put(("page", page)) or not page.get("has_more"):
                        break
                    cursor = page["cursor"]
                put(("end", None))
            except BaseException as exc:  # handed to the applying thread, never lost
                put(("error", exc))

        fetcher = threading.Thread(target=fetch, name="ltc-pull-fetch", daemon=True)
        fetcher.start()
        try:
            while True:
                kind, payload = pages.get()
                if kind == "error":
                    raise payload
                if kind == "end":
                    return
                yield payload
                if not payload.get("has_more"):
                    return
        finally:
            stop.set()
            fetcher.join(timeout=30)

    def _refresh_actor(self) -> None:
        actor = self.store.actor()
        with self.store.read() as s:
            row = s.execute(select(User.__table__).where(User.id == actor.id)).mappings().first()
        if row and (row["role"], row["display_name"]) != (actor.role, actor.display_name):
            self.store.set_actor(Actor(actor.id, actor.username, row["role"], row["display_name"]))

    # -- near real time -------------------------------------------------------------
    def wait_for_changes(self, timeout: float = 25.0) -> bool:
        """Long poll: True as soon as the server has something new in our scope."""
        token = self._token()
        if not token or not self.server_url:
            raise SyncError("sign in to sync", NEEDS_SIGN_IN)
        cursor = self.store.setting("cursor")
        timeout = min(timeout, MAX_WAIT_SECONDS)
        transport = self._transport(token, retries=0, timeout=(5.0, timeout + 10))
        try:
            params = {"timeout": timeout}
            if cursor:
                params["cursor"] = cursor
            reply = transport.request("GET", "/sync/wait", params=params, retry=False)
            return bool(reply.get("changed"))
        except AuthRequired:
            self.state = NEEDS_SIGN_IN
            raise SyncError("the server asks you to sign in again", NEEDS_SIGN_IN) from None
        except ResyncRequired:
            return True
        except TransportError as exc:
            self.state = OFFLINE
            raise SyncError(exc.message, OFFLINE) from None
        finally:
            transport.close()

    def status(self) -> dict:
        """What the status bar shows: state, pending changes, last sync, open conflicts."""
        from app.models import SyncFlag

        f = SyncFlag.__table__
        with self.store.read() as s:
            pending = _pending(s)
            conflicts = s.scalar(select(func.count(func.distinct(f.c.conflict_id))).where(f.c.kind == "conflict"))
            rejected = s.scalar(select(func.count()).select_from(OutboxMutation.__table__).where(
                OutboxMutation.state == "rejected"))
        last = self.store.setting("last_sync") or {}
        return {"state": self.state, "pending": pending, "conflicts": conflicts or 0, "rejected": rejected or 0,
                "last_sync_at": last.get("at"), "last_error": self.last_error, "server_url": self.server_url,
                "username": self.username}


def disk_full(exc: BaseException) -> bool:
    """True for SQLite's "database or disk is full" (SQLITE_FULL) and the OS's ENOSPC."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.Error) and getattr(orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return True
    if isinstance(orig, OSError) and orig.errno == errno.ENOSPC:
        return True
    return "database or disk is full" in str(orig)


def _pending_count(store) -> int:
    with store.read() as s:
        return _pending(s)


def _pending(session) -> int:
    o = OutboxMutation.__table__
    return session.scalar(select(func.count()).select_from(o).where(o.c.state.in_(("pending", "sent")))) or 0


def _reown(session, old_id: str, new_id: str) -> None:
    """Give an offline profile's records to the signed-in user: every user reference to
    the local identity, in the records and in the queued mutations."""
    for entity, model in ENTITIES.items():
        t = model.__table__
        for name, f in entity_spec(entity).fields.items():
            if f.ref == "user":
                session.execute(update(t).where(t.c[name] == old_id).values({name: new_id}))
    o = OutboxMutation.__table__
    session.execute(update(o).values(changes=func.replace(o.c.changes, old_id, new_id),
                                     base=func.replace(o.c.base, old_id, new_id)))
    session.execute(delete(o).where(o.c.entity == "user", o.c.record_id == old_id))
    session.execute(delete(User.__table__).where(User.id == old_id))
