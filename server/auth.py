"""Sign-in: argon2 password hashes, random bearer tokens kept only as sha256 hashes, and
throttling of repeated failures, all in the database so any server process can answer."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select, update

from app import clock
from server.errors import ApiError
from server.scopes import Viewer
from server.tables import login_failures, tokens, users

ARGON2_ENV = "LTC_SERVER_ARGON2"


def _hasher_params() -> dict:
    """argon2-cffi's defaults (RFC 9106 low-memory profile), unless LTC_SERVER_ARGON2 gives
    "time_cost,memory_kib,parallelism" (the test suite makes hashing cheap this way)."""
    raw = os.environ.get(ARGON2_ENV)
    if not raw:
        return {}
    try:
        time_cost, memory_cost, parallelism = (int(x) for x in raw.split(","))
    except ValueError:
        raise SystemExit(f"{ARGON2_ENV} must be time_cost,memory_kib,parallelism (e.g. 1,8,1), not {raw!r}") from None
    return {"time_cost": time_cost, "memory_cost": memory_cost, "parallelism": parallelism}


_hasher = PasswordHasher(**_hasher_params())
# Verified against when the user name is unknown, so a miss costs as long as a hit.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _throttle(conn, config, username: str, address: str, now: dt.datetime) -> None:
    """Raise 429 (with Retry-After) while the user name or the address has too many
    recent failures."""
    since = clock.format_datetime(now - dt.timedelta(seconds=config.login_window_seconds))
    for column, value, limit in ((login_failures.c.username, username, config.max_failures_per_user),
                                 (login_failures.c.address, address, config.max_failures_per_address)):
        count, oldest = conn.execute(select(func.count(), func.min(login_failures.c.at))
                                     .where(column == value, login_failures.c.at > since)).one()
        if count >= limit:
            until = clock.parse_datetime(oldest) + dt.timedelta(seconds=config.login_window_seconds)
            retry = max(1, int((until - now).total_seconds()) + 1)
            raise ApiError(429, "too_many_attempts",
                           f"too many failed sign-ins; try again in {retry} seconds",
                           {"retry_after": retry}, headers={"Retry-After": str(retry)})


def login(db, config, *, username: str, password: str, device_name: str | None, client_id: str | None,
          address: str) -> dict:
    """Check the password and issue a token: {"token", "expires_at", "user"}. Raises
    ApiError 401 invalid_credentials (also for a disabled account) or 429."""
    now = clock.now()
    with db.read() as conn:
        _throttle(conn, config, username, address, now)
        user = conn.execute(select(users).where(users.c.username == username)).first()
    ok = _verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None and user.active
    if not ok:
        def record_failure(conn):
            cutoff = clock.format_datetime(now - dt.timedelta(seconds=config.login_window_seconds))
            conn.execute(delete(login_failures).where(login_failures.c.at < cutoff))
            conn.execute(login_failures.insert().values(username=username[:64], address=address[:64],
                                                        at=clock.format_datetime(now)))
        db.run_write(record_failure)
        raise ApiError(401, "invalid_credentials", "wrong user name or password")
    token = secrets.token_urlsafe(32)
    expires = clock.format_datetime(now + dt.timedelta(days=config.token_ttl_days))

    def store(conn):
        conn.execute(delete(login_failures).where(login_failures.c.username == username))
        conn.execute(tokens.insert().values(token_hash=token_hash(token), user_id=user.id,
                                            device_name=device_name, client_id=client_id,
                                            created_at=clock.format_datetime(now), expires_at=expires))
    db.run_write(store)
    return {"token": token, "expires_at": expires,
            "user": {"id": user.id, "username": user.username, "display_name": user.display_name,
                     "role": user.role}}


def logout(db, token: str) -> None:
    db.run_write(lambda conn: conn.execute(update(tokens).where(
        tokens.c.token_hash == token_hash(token), tokens.c.revoked_at.is_(None)).values(revoked_at=clock.now_iso())))


def authenticate(conn, token: str) -> Viewer | None:
    """The active user a live token belongs to, or None."""
    row = conn.execute(
        select(users.c.id, users.c.username, users.c.role, users.c.display_name, users.c.manager_id,
               users.c.scope_seq, tokens.c.device_name, tokens.c.client_id)
        .select_from(tokens.join(users, users.c.id == tokens.c.user_id))
        .where(tokens.c.token_hash == token_hash(token), tokens.c.revoked_at.is_(None),
               tokens.c.expires_at > clock.now_iso(), users.c.active.is_(True))).first()
    if row is None:
        return None
    return Viewer(id=row.id, username=row.username, role=row.role, display_name=row.display_name,
                  manager_id=row.manager_id, scope_seq=row.scope_seq, device_name=row.device_name,
                  client_id=row.client_id)


def revoke_all(conn, user_id: str) -> None:
    conn.execute(update(tokens).where(tokens.c.user_id == user_id, tokens.c.revoked_at.is_(None))
                 .values(revoked_at=clock.now_iso()))


