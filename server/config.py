"""Server settings: where the database is and the limits of sign-in."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.paths import data_root

DATABASE_ENV = "LTC_SERVER_DATABASE_URL"
TOKEN_TTL_ENV = "LTC_SERVER_TOKEN_TTL_DAYS"  # how long a sign-in lasts (days, fractions allowed)
DB_FILE = "server.sqlite"


def default_database_url() -> str:
    """The database the server uses when none is named: LTC_SERVER_DATABASE_URL, else a
    SQLite file in the server's data directory (zero set-up)."""
    env = os.environ.get(DATABASE_ENV)
    if env:
        return env
    return f"sqlite:///{Path(data_root()) / 'server' / DB_FILE}"


@dataclass(frozen=True)
class ServerConfig:
    database_url: str
    token_ttl_days: float = 30
    # Sign-in throttling: this many failures inside the window lock the user name (or,
    # with the higher limit, the address) until the oldest failure leaves the window.
    login_window_seconds: int = 15 * 60
    max_failures_per_user: int = 5
    max_failures_per_address: int = 20
    # How often a long poll looks for changes.
    wait_interval_seconds: float = 0.3

    @classmethod
    def from_env(cls, database_url: str | None = None) -> "ServerConfig":
        raw = os.environ.get(TOKEN_TTL_ENV) or "30"
        try:
            ttl = float(raw)
        except ValueError:
            ttl = 0
        if ttl <= 0:
            raise SystemExit(f"{TOKEN_TTL_ENV} must be a positive number of days, not {raw!r}")
        return cls(database_url=database_url or default_database_url(), token_ttl_days=ttl)
