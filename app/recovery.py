"""A damaged local database: found when the profile opens, and the two ways out.

On every open the part of the database that cannot be pulled again is checked: the
file's header and schema, and (`PRAGMA quick_check`) the tables holding unsent work and
the profile's identity (outbox, settings, flags); that costs under a millisecond. The
whole file is checked too when it is small (under FULL_CHECK_BYTES) or when the last
session ended without closing the store (a crash, a kill, a power cut: when damage
happens). On the 600,000-row profile (650 MB) a full quick_check took 1.5 to 7.5 s and
integrity_check 15 s, beyond the 2 s cold start, so a healthy big profile is not fully
checked on every start.

When damage is found, the unsent work is saved first, as far as it can be read, to
`unsent-<time>.json` next to the database, and DatabaseCorrupt says what happened and
what can be done: restore the newest automatic backup that passes the check (the store
makes one a day, see `daily_backup`), or start a fresh database that pulls everything
from the server again. Either way the saved unsent work is queued again, so it is pushed.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import threading
import uuid
from pathlib import Path

from app import clock
from app.errors import DomainError
from app.store import BACKUP_DIR, DB_NAME

log = logging.getLogger(__name__)

DAMAGED_DIR = "damaged"
SESSIONS_DIR = "sessions"
FULL_CHECK_BYTES = 64 * 1024 * 1024
# The tables nothing else holds a copy of: what the user has not sent yet, who they are.
IRREPLACEABLE = ("outbox", "profile_settings", "sync_flags")
IDENTITY_KEYS = ("client_id", "user", "server_url", "server_username", "ca_bundle")
# An open store backs itself up once a day, this long after it opened (not during start-up).
BACKUP_DELAY_S = 120.0


class DatabaseCorrupt(DomainError):
    """The profile's database is damaged. `exported` is where its unsent work was saved,
    `backups` the automatic backups (newest first) a restore may use."""

    code = "database_corrupt"

    def __init__(self, profile_dir: Path, problems: list[str], exported: Path | None, saved: int,
                 backups: list[Path]):
        self.profile_dir, self.problems, self.exported, self.saved, self.backups = (
            Path(profile_dir), problems, exported, saved, backups)
        where = f" ({saved} unsent change(s) saved to {exported})" if exported else ""
        restore = (f"`main.py recover --restore-backup --profile {profile_dir}` puts back the backup of "
                   f"{_backup_time(backups[0])}, or " if backups else "")
        super().__init__(
            f"the local database in {profile_dir} is damaged: {problems[0]}{where}. {restore}"
            f"`main.py recover --fresh-sync --profile {profile_dir}` starts a new one that pulls everything "
            "from the server again; your unsent changes are queued again either way",
            details={"problems": problems[:10], "exported": str(exported) if exported else None,
                     "backups": [str(b) for b in backups]})


# -- checking ---------------------------------------------------------------------------
def problems(path: Path, *, full: bool) -> list[str]:
    """What is wrong with the database file at `path` (empty: nothing found). `full`
    checks every page; otherwise the header, the schema and the irreplaceable tables."""
    if not path.exists() or path.stat().st_size == 0:
        return []
    try:
        conn = sqlite3.connect(path, timeout=10)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if full:
            found = [r[0] for r in conn.execute("PRAGMA quick_check")]
        else:
            found = [r[0] for t in IRREPLACEABLE if t in tables for r in conn.execute(f"PRAGMA quick_check({t})")]
        return [p for p in found if p != "ok"]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


def verify(profile_dir: Path) -> "Session":
    """Check the profile's database as it opens (see the module doc) and mark this
    session open. Raises DatabaseCorrupt, after saving the unsent work."""
    profile_dir = Path(profile_dir)
    path = profile_dir / DB_NAME
    session = Session(profile_dir)
    unclean = session.previous_unclean()
    full = unclean or (path.exists() and path.stat().st_size < FULL_CHECK_BYTES)
    found = problems(path, full=full)
    if found:
        exported, saved = export_unsent(profile_dir, found)
        raise DatabaseCorrupt(profile_dir, found, exported, saved, good_backups(profile_dir, check=False))
    if unclean:
        log.info("the last session of %s did not close; the whole database was checked", profile_dir)
    session.mark()
    return session


class Session:
    """A marker file per open store: one left behind by a process that is gone means that
    session did not close (crash, kill, power cut)."""

    def __init__(self, profile_dir: Path):
        self.folder = Path(profile_dir) / SESSIONS_DIR
        self.path: Path | None = None

    def previous_unclean(self) -> bool:
        unclean = False
        for marker in self.folder.glob("*") if self.folder.exists() else ():
            try:
                pid = int(marker.name.split("-")[0])
            except ValueError:
                continue
            if pid != os.getpid() and not _alive(pid):
                unclean = True
                marker.unlink(missing_ok=True)
        return unclean

    def mark(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.path.touch()

    def close(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            self.path = None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# -- saving what cannot be pulled again ---------------------------------------------------
def export_unsent(profile_dir: Path, found: list[str] | None = None) -> tuple[Path, int]:
    """Save the queued changes and the profile's identity, as far as they can be read, to
    `unsent-<time>.json` in the profile; returns (the file, how many changes)."""
    profile_dir = Path(profile_dir)
    mutations, settings, unreadable = [], {}, []
    try:
        conn = sqlite3.connect(profile_dir / DB_NAME, timeout=10)
        conn.row_factory = sqlite3.Row
    except sqlite3.Error as exc:
        conn, unreadable = None, [f"database: {exc}"]
    if conn is not None:
        try:
            mutations = _read_rows(conn, "outbox", "seq", unreadable)
            for row in _read_rows(conn, "profile_settings", "rowid", unreadable):
                if row["key"] in IDENTITY_KEYS or row["key"] == "cursor":
                    settings[row["key"]] = _json(row["value"])
        finally:
            conn.close()
    for m in mutations:
        for name in ("base", "changes", "error"):
            m[name] = _json(m.get(name))
    target = profile_dir / f"unsent-{clock.now().strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:4]}.json"
    target.write_text(json.dumps({"exported_at": clock.now_iso(), "problems": (found or [])[:10],
                                  "settings": settings, "mutations": mutations, "unreadable": unreadable},
                                 ensure_ascii=False, indent=1), encoding="utf-8")
    log.warning("saved %d unsent change(s) of a damaged database to %s", len(mutations), target)
    return target, len(mutations)


def _read_rows(conn, table: str, key: str, unreadable: list) -> list[dict]:
    """Every row that can be read: all at once, else in slices, else one by one."""
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {key}")]
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            return []
    rows = []
    try:
        low, high = conn.execute(f"SELECT min({key}), max({key}) FROM {table}").fetchone()
    except sqlite3.DatabaseError:
        low, high = 1, 100_000
    low, high = low or 1, high or 0
    for start in range(low, high + 1, 100):
        try:
            rows += [dict(r) for r in conn.execute(
                f"SELECT * FROM {table} WHERE {key} BETWEEN ? AND ? ORDER BY {key}", (start, start + 99))]
            continue
        except sqlite3.DatabaseError:
            pass
        for one in range(start, start + 100):
            try:
                rows += [dict(r) for r in conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", (one,))]
            except sqlite3.DatabaseError:
                unreadable.append(f"{table} {key} {one}")
    return rows


def _json(value):
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def latest_export(profile_dir: Path) -> Path | None:
    found = sorted(Path(profile_dir).glob("unsent-*.json"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


# -- backups ------------------------------------------------------------------------------
def good_backups(profile_dir: Path, *, check: bool = True) -> list[Path]:
    """The profile's backups, newest first; with `check`, only those that pass quick_check."""
    folder = Path(profile_dir) / BACKUP_DIR
    found = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True) if folder.exists() else []
    return [b for b in found if not check or not problems(b, full=True)]


def _backup_time(path: Path) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def daily_backup(store) -> Path | None:
    """Back the store up unless it already has a backup from today (UTC); returns the new
    backup, or None. (A backup cut short is no candidate: a restore checks each one.)"""
    from app.store import backup_database

    folder = store.profile_dir / BACKUP_DIR
    today = clock.now().strftime("%Y%m%d")
    if folder.exists() and any(p.name.split("-")[1:2] == [today] for p in folder.glob("*.sqlite")):
        return None
    return backup_database(store.path, "daily")


def schedule_daily_backup(store, delay: float = BACKUP_DELAY_S) -> threading.Timer:
    """Run `daily_backup` in the background `delay` seconds from now (cancel it on close)."""
    def run():
        try:
            made = daily_backup(store)
            if made:
                log.info("daily backup of %s: %s", store.path, made)
        except (OSError, sqlite3.Error) as exc:  # the next start tries again
            log.warning("the daily backup of %s failed: %s", store.path, exc)

    timer = threading.Timer(delay, run)
    timer.daemon = True
    timer.start()
    return timer


# -- the ways out -------------------------------------------------------------------------
def set_aside(profile_dir: Path) -> Path:
    """Move the damaged database (and its WAL files) into `damaged/`; returns its new path."""
    profile_dir = Path(profile_dir)
    folder = profile_dir / DAMAGED_DIR
    folder.mkdir(exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"ltc-{stamp}-{uuid.uuid4().hex[:4]}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        source = profile_dir / (DB_NAME + suffix)
        if source.exists():
            shutil.move(str(source), str(target) + suffix)
    return target


def restore_backup(profile_dir: Path, backup: Path | None = None) -> dict:
    """Replace the damaged database with `backup` (default: the newest that passes the
    check), then queue again the unsent work saved from the damaged one. Returns what was
    done. Raises DomainError when no backup can be used."""
    from app.store import Store

    profile_dir = Path(profile_dir)
    export, data = _export_for_recovery(profile_dir)
    if backup is not None and problems(Path(backup), full=True):
        raise DomainError(f"the backup {backup} is damaged too; choose another or start a fresh sync")
    chosen = Path(backup) if backup is not None else next(iter(good_backups(profile_dir)), None)
    if chosen is None:
        raise DomainError("there is no usable backup of this profile; start a fresh sync instead "
                          f"(main.py recover --fresh-sync --profile {profile_dir})")
    damaged = set_aside(profile_dir)
    shutil.copy(chosen, profile_dir / DB_NAME)
    store = Store.open(profile_dir)
    try:
        requeued = requeue(store, data)
    finally:
        store.close()
    log.warning("restored %s from %s; %d unsent change(s) queued again", profile_dir, chosen, requeued)
    return {"restored_from": str(chosen), "damaged": str(damaged), "requeued": requeued, "export": str(export)}


def fresh_sync(profile_dir: Path) -> dict:
    """Start a new database for the profile, with its identity (server, user, device) and
    the unsent work saved from the damaged one queued again; the next sync pulls the
    rest from the server. Returns what was done."""
    from sqlalchemy import delete, insert, select

    from app.models import ProfileSetting, User
    from app.store import Store

    profile_dir = Path(profile_dir)
    export, data = _export_for_recovery(profile_dir)
    damaged = set_aside(profile_dir)
    store = Store.open(profile_dir)
    try:
        settings = data.get("settings") or {}
        with store.write() as s:
            user = settings.get("user")
            if user:
                offline = s.get(ProfileSetting, "user").value
                s.execute(delete(User.__table__).where(User.id == offline["id"]))
                if s.execute(select(User.id).where(User.id == user["id"])).first() is None:
                    now = clock.now_iso()
                    s.execute(insert(User.__table__).values(
                        id=user["id"], username=user["username"], role=user["role"],
                        display_name=user.get("display_name"), active=True, created_at=now, updated_at=now))
            for key in IDENTITY_KEYS:
                if settings.get(key) is not None:
                    s.merge(ProfileSetting(key=key, value=settings[key]))
        requeued = requeue(store, data)
    finally:
        store.close()
    log.warning("started %s afresh; %d unsent change(s) queued again", profile_dir, requeued)
    return {"damaged": str(damaged), "requeued": requeued, "export": str(export),
            "server_url": (data.get("settings") or {}).get("server_url")}


def _export_for_recovery(profile_dir: Path) -> tuple[Path, dict]:
    """The unsent work to carry over: saved now from the database still in place (the
    damaged one), else the newest file saved earlier."""
    if (profile_dir / DB_NAME).exists():
        export, _ = export_unsent(profile_dir, ["recovery asked for"])
    else:
        export = latest_export(profile_dir)
        if export is None:
            return Path(), {"mutations": [], "settings": {}}
    return export, json.loads(export.read_text(encoding="utf-8"))


def requeue(store, data: dict) -> int:
    """Queue the saved changes again, in their order and under their ids (a change already
    sent is answered with its stored result), and show them in the local records. When
    the whole queue could be read, it replaces the queue in place (a restored backup's
    queue is older); returns how many changes were queued."""
    from sqlalchemy import delete, insert, select, update

    from app.models import ENTITIES, OutboxMutation, SyncFlag

    outbox, flags = OutboxMutation.__table__, SyncFlag.__table__
    columns = ("mutation_id", "entity", "record_id", "op", "base_version", "base", "changes", "state", "attempts",
               "error", "created_at", "updated_at")
    now = clock.now_iso()
    with store.write() as s:
        if not data.get("unreadable"):
            s.execute(delete(outbox))
        for m in data.get("mutations") or []:
            values = {k: m.get(k) for k in columns}
            values.update(base=values["base"] or {}, changes=values["changes"] or {}, attempts=values["attempts"] or 0,
                          created_at=values["created_at"] or now, updated_at=values["updated_at"] or now)
            found = s.execute(select(outbox.c.seq).where(outbox.c.mutation_id == m["mutation_id"])).first()
            if found:
                s.execute(update(outbox).where(outbox.c.seq == found.seq).values(values))
            else:
                s.execute(insert(outbox).values(values))
            if m.get("state") == "rejected":
                error = m.get("error") or {}
                s.execute(insert(flags).values(entity=m["entity"], record_id=m["record_id"], kind="rejected",
                                               mutation_id=m["mutation_id"], message=error.get("message"),
                                               details=error, created_at=now))
            if m["entity"] in ENTITIES:
                _show(s, ENTITIES[m["entity"]].__table__, m, now)
    return len(data.get("mutations") or [])


def _show(session, table, m: dict, now: str) -> None:
    """Apply a saved change to the local record, so the user sees their work."""
    from sqlalchemy import insert, select, update

    rid, changes = m["record_id"], m.get("changes") or {}
    values = {k: v for k, v in changes.items() if k in table.c and k not in ("id", "version")}
    exists = session.execute(select(table.c.id).where(table.c.id == rid)).first() is not None
    if m["op"] == "create" and not exists:
        from app.rules.schema import entity_spec

        record = {n: f.default for n, f in entity_spec(m["entity"]).fields.items() if n in table.c}
        record.update(values, id=rid, version=None, deleted_at=None, updated_at=now)
        record["created_at"] = values.get("created_at") or now
        session.execute(insert(table).values(record))
    elif m["op"] in ("create", "update") and exists and values:
        session.execute(update(table).where(table.c.id == rid).values({**values, "updated_at": now}))
    elif m["op"] == "delete" and exists:
        session.execute(update(table).where(table.c.id == rid).values(deleted_at=now, updated_at=now))
