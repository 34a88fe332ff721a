"""Pull: the changes after a cursor, in the caller's scope, in pages, never skipping one.

A pull first reads the committed sequence counter S (server_state.seq) and then only
looks at changes numbered up to S. Because numbers are taken at the end of each write
transaction under the counter's row lock (see server/changes.py), every change numbered
up to S is already visible when S is; a change still on its way has a number above S,
so the cursor (S, or the last change on a full page) never moves past it.

Pages are built as bytes: each record's JSON is stored once and spliced in unparsed.
"""
from __future__ import annotations

import uuid

from sqlalchemy import LargeBinary, cast, select, update

from server.errors import ApiError
from server.scopes import Viewer, scope_of
from server.tables import evictions, records, server_state
from sync.protocol import BadCursor, DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, decode_cursor, encode_cursor


def state(conn) -> tuple[str, int]:
    row = conn.execute(select(server_state.c.epoch, server_state.c.seq).where(server_state.c.id == 1)).one()
    return row.epoch, row.seq


def start_seq(viewer: Viewer, cursor: str | None, epoch: str, current: int) -> int:
    """The sequence number a cursor stands for; 410 resync_required for a cursor this
    database cannot continue (another database, a restored older backup, damaged, or
    from before a change of what the user may see)."""
    if not cursor:
        return 0
    try:
        cursor_epoch, seq = decode_cursor(cursor)
    except BadCursor:
        raise _resync("bad_cursor", "the cursor is not one this server issued") from None
    if cursor_epoch != epoch:
        raise _resync("other_database", "the server's database changed since this cursor was issued")
    if seq > current:
        raise _resync("restored", "the server's database is older than this cursor (restored from a backup?)")
    if seq < viewer.scope_seq:
        raise _resync("scope", "what this user may see changed; start over")
    return seq


def _start(db, viewer: Viewer, cursor: str | None, epoch: str, current: int) -> int:
    try:
        return start_seq(viewer, cursor, epoch, current)
    except ApiError as exc:
        if exc.details.get("reason") == "restored":
            new_epoch(db, epoch)
        raise


def new_epoch(db, old: str | None = None) -> str:
    """Start a new history: every cursor issued so far gets 410 (other_database) and its
    client pulls everything again. Done when a cursor shows the database went back in
    time (restored from an older backup): other clients' cursors may soon look valid
    again as new changes reuse the lost sequence numbers, and must not be continued.
    `main.py server mark-restored` does it right after a restore."""
    epoch = uuid.uuid4().hex

    def rotate(conn):
        stmt = update(server_state).where(server_state.c.id == 1)
        if old is not None:
            stmt = stmt.where(server_state.c.epoch == old)
        conn.execute(stmt.values(epoch=epoch))
    db.run_write(rotate)
    return epoch


def _resync(reason: str, message: str) -> ApiError:
    # `reason` tells a client whether the server lost history it had seen (restored,
    # other_database: offer back what it made) or only its view changed (scope, bad_cursor).
    return ApiError(410, "resync_required", message + "; pull again from the start (no cursor)",
                    {"reason": reason})


def _raw(conn, column):
    """`column` as SQLite hands it over fastest: UTF-8 bytes (a cast), spliced into the
    page without a decode and an encode. PostgreSQL's is faster read as text (converting
    to bytea costs more than it saves), and that page is encoded once at the end."""
    if conn.dialect.name == "postgresql":
        return column
    return cast(column, LargeBinary)


def page(db, viewer: Viewer, cursor: str | None, limit: int | None = None) -> tuple[bytes, bool]:
    """One pull page as the response body bytes, and whether another page follows."""
    limit = max(1, min(limit or DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT))
    with db.read() as conn:
        epoch, current = state(conn)
        after = _start(db, viewer, cursor, epoch, current)
        scope = scope_of(conn, viewer)
        stmt = (select(records.c.version, _raw(conn, records.c.entity), _raw(conn, records.c.id),
                       records.c.deleted, _raw(conn, records.c.data), _raw(conn, records.c.conflict_ids))
                .where(records.c.version > after, records.c.version <= current)
                .order_by(records.c.version).limit(limit + 1))
        condition = scope.condition()
        if condition is not None:
            stmt = stmt.where(condition)
        rows = conn.execute(stmt).all()
        as_text = conn.dialect.name == "postgresql"
        evicted = conn.execute(
            select(evictions.c.seq, evictions.c.entity, evictions.c.record_id)
            .where(evictions.c.user_id == viewer.id, evictions.c.seq > after, evictions.c.seq <= current)
            .order_by(evictions.c.seq).limit(limit + 1)).all()
    if evicted:
        rows = sorted([*rows, *evicted], key=lambda r: r[0])
    has_more = len(rows) > limit
    if has_more:
        rows = rows[:limit]
    next_cursor = encode_cursor(epoch, rows[-1][0] if has_more else current)
    if as_text:
        return _text_page(rows, next_cursor, has_more), has_more
    parts = [
        b'{"entity":"%b","record_id":"%b","version":%d,"op":"%b","data":%b,"conflict_ids":%b}'
        % (r[1], r[2], r[0], b"delete" if r[3] else b"upsert", r[4], r[5] or b"[]")
        if len(r) == 6 else
        b'{"entity":"%b","record_id":"%b","version":%d,"op":"evict","data":{"id":"%b"},"conflict_ids":[]}'
        % (r[1].encode(), r[2].encode(), r[0], r[2].encode())
        for r in rows
    ]
    return b'{"changes":[%b],"cursor":"%b","has_more":%b}' % (
        b",".join(parts), next_cursor.encode(), b"true" if has_more else b"false"), has_more


def _text_page(rows, next_cursor: str, has_more: bool) -> bytes:
    parts = [
        f'{{"entity":"{r[1]}","record_id":"{r[2]}","version":{r[0]},"op":"{"delete" if r[3] else "upsert"}",'
        f'"data":{r[4]},"conflict_ids":{r[5] or "[]"}}}'
        if len(r) == 6 else
        f'{{"entity":"{r[1]}","record_id":"{r[2]}","version":{r[0]},"op":"evict","data":{{"id":"{r[2]}"}},'
        f'"conflict_ids":[]}}'
        for r in rows
    ]
    more = "true" if has_more else "false"
    return f'{{"changes":[{",".join(parts)}],"cursor":"{next_cursor}","has_more":{more}}}'.encode()


def changed_since(db, viewer: Viewer, cursor: str | None) -> tuple[bool, str]:
    """(True, cursor) if something in the viewer's scope changed after `cursor`, else
    (False, a cursor at the present)."""
    with db.read() as conn:
        epoch, current = state(conn)
        after = _start(db, viewer, cursor, epoch, current)
        if after < current:
            stmt = select(records.c.version).where(records.c.version > after, records.c.version <= current)
            condition = scope_of(conn, viewer).condition()
            if condition is not None:
                stmt = stmt.where(condition)
            if conn.execute(stmt.limit(1)).first() is not None:
                return True, cursor or encode_cursor(epoch, after)
            if conn.execute(select(evictions.c.seq).where(
                    evictions.c.user_id == viewer.id, evictions.c.seq > after,
                    evictions.c.seq <= current).limit(1)).first() is not None:
                return True, cursor or encode_cursor(epoch, after)
        return False, encode_cursor(epoch, current)

