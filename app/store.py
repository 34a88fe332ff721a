"""The local store: one SQLite file per profile, migrated on open after a backup.

Every connection gets WAL, foreign keys, a busy timeout and synchronous=NORMAL. Write
transactions start with BEGIN IMMEDIATE so two writers queue instead of failing half
way with SQLITE_BUSY; reads start deferred and run beside a writer (WAL).
"""
from __future__ import annotations

import getpass
import logging
import sqlite3
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app import clock
from app.models import DictionaryEntry, ProfileSetting, Responsibility, User
from app.rules.dictionary import Dictionary, default_entries
from app.rules.raci import default_rows as default_responsibilities

log = logging.getLogger(__name__)

DB_NAME = "ltc.sqlite"
SHIPPED = 0  # the version of a shipped default row (dictionary, RACI) before any sync
BACKUP_DIR = "backups"
BACKUPS_KEPT = 5


@dataclass(frozen=True)
class Actor:
    """Who is acting: the profile's user as the services see them."""

    id: str
    username: str
    role: str
    display_name: str | None = None


def configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Take transaction control from the driver so BEGIN is ours (see module doc).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", pool_size=8, max_overflow=8, pool_timeout=60)
    configure_sqlite(engine)
    return engine


def backup_database(path: Path, reason: str) -> Path:
    """Copy a live SQLite database with the backup API (consistent even while open)."""
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-{reason}.sqlite"
    n = 1
    while target.exists():
        target = folder / f"{path.stem}-{stamp}-{reason}-{n}.sqlite"
        n += 1
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    backups = sorted(folder.glob(f"{path.stem}-*.sqlite"), key=lambda p: p.stat().st_mtime)
    for old in backups[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    log.info("backed up %s to %s", path, target)
    return target


class Store:
    """A profile's database. Thread-safe: each unit of work gets its own session."""

    def __init__(self, profile_dir: Path | str):
        self.profile_dir = Path(profile_dir)
        self.path = self.profile_dir / DB_NAME
        self.engine = sqlite_engine(self.path)
        self._writer = self.engine.execution_options(immediate=True)
        self._dictionary: Dictionary | None = None
        self._lock = threading.Lock()
        self._session = None  # this open session's marker (app/recovery.py)
        self._maintenance: threading.Timer | None = None  # the pending daily backup

    @classmethod
    def open(cls, profile_dir: Path | str) -> "Store":
        """Open (creating if needed) the profile at `profile_dir`: back up and migrate
        the database if its schema is behind, then make sure the profile has its
        identity and starting dictionary. Raises recovery.DatabaseCorrupt (after saving
        the unsent work) when the database is damaged."""
        from app import migrations, recovery

        folder = Path(profile_dir)
        folder.mkdir(parents=True, exist_ok=True)
        existed = (folder / DB_NAME).exists()
        session = recovery.verify(folder)
        store = cls(folder)
        store._session = session
        migrations.upgrade(store)
        store._ensure_profile()
        # A bulk load that died before it rebuilt its indexes left their definitions.
        from app.indexes import restore_deferred_indexes

        restore_deferred_indexes(store)
        if existed:  # a new profile has nothing to lose yet
            store._maintenance = recovery.schedule_daily_backup(store)
        return store

    def close(self) -> None:
        if self._maintenance is not None:
            self._maintenance.cancel()
        self.engine.dispose()
        if self._session is not None:
            self._session.close()

    # -- sessions -------------------------------------------------------------------
    @contextmanager
    def read(self):
        """A read-only session (deferred transaction, never committed)."""
        with Session(self.engine) as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self):
        """A write session in one BEGIN IMMEDIATE transaction, committed on success."""
        with Session(self._writer, expire_on_commit=False) as session:
            with session.begin():
                yield session

    def unit(self, actor: Actor | None = None, *, origin: str = "local"):
        """One unit of work for a use case (see app/services/unit.py)."""
        from app.services.unit import UnitOfWork

        return UnitOfWork(self, actor or self.actor(), origin=origin)

    def run(self, fn, *args, actor: Actor | None = None, **kwargs):
        """Run service `fn(uow, *args, **kwargs)` in its own unit of work and return its result."""
        with self.unit(actor) as uow:
            return fn(uow, *args, **kwargs)

    # -- profile --------------------------------------------------------------------
    def setting(self, key: str, default=None):
        with self.read() as s:
            row = s.get(ProfileSetting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value) -> None:
        with self.write() as s:
            s.merge(ProfileSetting(key=key, value=value))

    def actor(self) -> Actor:
        data = self.setting("user")
        if not data:
            raise RuntimeError("profile has no user; open it with Store.open()")
        return Actor(data["id"], data["username"], data["role"], data.get("display_name"))

    def set_actor(self, actor: Actor) -> None:
        self.set_setting("user", {"id": actor.id, "username": actor.username, "role": actor.role,
                                  "display_name": actor.display_name})

    def client_id(self) -> str:
        return self.setting("client_id")

    def dictionary(self) -> Dictionary:
        with self._lock:
            if self._dictionary is None:
                with self.read() as s:
                    rows = s.execute(select(DictionaryEntry.__table__).where(
                        DictionaryEntry.deleted_at.is_(None))).mappings().all()
                self._dictionary = Dictionary.from_entries(rows) if rows else Dictionary.defaults()
            return self._dictionary

    def invalidate_dictionary(self) -> None:
        with self._lock:
            self._dictionary = None

    def _ensure_profile(self) -> None:
        with self.write() as s:
            if s.get(ProfileSetting, "client_id") is None:
                s.add(ProfileSetting(key="client_id", value=str(uuid.uuid4())))
            if s.get(ProfileSetting, "user") is None:
                # An offline-only profile belongs to whoever uses this computer; it acts
                # as its own administrator until it connects to a server.
                now = clock.now_iso()
                username = _os_username()
                user = {"id": str(uuid.uuid4()), "username": username, "role": "admin",
                        "display_name": username}
                s.execute(User.__table__.insert().values(**user, active=True, created_at=now, updated_at=now))
                s.add(ProfileSetting(key="user", value=user))
            # Shipped defaults exist on every server under the same ids: version 0 says
            # "the server has this", so an edit travels as an update, never a create.
            now = clock.now_iso()
            if s.scalar(select(DictionaryEntry.id).limit(1)) is None:
                s.execute(DictionaryEntry.__table__.insert(),
                          [{**e, "version": SHIPPED, "created_at": now, "updated_at": now}
                           for e in default_entries()])
            if s.scalar(select(Responsibility.id).limit(1)) is None:
                s.execute(Responsibility.__table__.insert(),
                          [{**r, "version": SHIPPED, "created_at": now, "updated_at": now}
                           for r in default_responsibilities()])


def _os_username() -> str:
    try:
        return getpass.getuser() or "me"
    except (KeyError, OSError):
        return "me"
