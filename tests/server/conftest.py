"""The real server as its own process on 127.0.0.1, against a SQLite file and (the same
tests again) a PostgreSQL database; users are made directly in its database."""
from __future__ import annotations

import itertools
import os
import uuid

# Cheap argon2 for the many accounts tests make (still argon2); set before server.auth loads.
os.environ.setdefault("LTC_SERVER_ARGON2", "1,1024,1")

import psycopg  # noqa: E402
import pytest  # noqa: E402
import requests  # noqa: E402

from server.db import Database  # noqa: E402
from server.users import create_user  # noqa: E402
from tests.support.server import ServerProcess  # noqa: E402

PASSWORD = "correct horse battery staple"
_names = itertools.count(1)


def new_id() -> str:
    return str(uuid.uuid4())


@pytest.fixture(scope="session")
def pg_database(postgres_admin_url):
    """A PostgreSQL database for the whole session, dropped at the end."""
    name = f"ltc_server_{uuid.uuid4().hex[:10]}"
    dsn = postgres_admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{postgres_admin_url.rsplit('/', 1)[0]}/{name}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Server:
    """A running server process, its database (for direct set-up and inspection) and a
    factory of signed-in API clients."""

    def __init__(self, kind: str, url: str, database_url: str, proc):
        self.kind = kind
        self.url = url
        self.database_url = database_url
        self.proc = proc
        self.db = Database(database_url)

    def user(self, role: str, manager: str | None = None, name: str | None = None) -> str:
        name = name or f"{role}{next(_names)}_{uuid.uuid4().hex[:4]}"
        create_user(self.db, name, role=role, password=PASSWORD, manager=manager)
        return name

    def login(self, username: str, device: str = "test-device") -> "Api":
        r = requests.post(f"{self.url}/api/v1/auth/login",
                          json={"username": username, "password": PASSWORD, "device_name": device})
        assert r.status_code == 200, r.text
        body = r.json()
        return Api(self.url, body["token"], body["user"])

    def client(self, role: str, manager: str | None = None) -> "Api":
        return self.login(self.user(role, manager))


class Api:
    """A signed-in client speaking the protocol over plain HTTP."""

    def __init__(self, url: str, token: str, user: dict):
        self.url = url
        self.token = token
        self.user = user
        self.id = user["id"]
        self.client_id = new_id()
        self.http = requests.Session()

    def headers(self, **extra) -> dict:
        return {"Authorization": f"Bearer {self.token}", "X-LTC-Protocol": "1", **extra}

    def get(self, path: str, **params) -> requests.Response:
        return self.http.get(f"{self.url}/api/v1{path}", params=params, headers=self.headers(), timeout=60)

    def post(self, path: str, body=None) -> requests.Response:
        return self.http.post(f"{self.url}/api/v1{path}", json=body, headers=self.headers(), timeout=60)

    def push(self, *mutations) -> list[dict]:
        r = self.post("/sync/push", {"client_id": self.client_id, "mutations": list(mutations)})
        assert r.status_code == 200, r.text
        results = r.json()["results"]
        assert [x["mutation_id"] for x in results] == [m["mutation_id"] for m in mutations]
        return results

    def push_one(self, mutation) -> dict:
        return self.push(mutation)[0]

    def pull_all(self, cursor: str | None = None, limit: int | None = None) -> tuple[list[dict], str]:
        changes = []
        while True:
            params = {k: v for k, v in (("cursor", cursor), ("limit", limit)) if v is not None}
            r = self.get("/sync/pull", **params)
            assert r.status_code == 200, r.text
            page = r.json()
            changes += page["changes"]
            cursor = page["cursor"]
            if not page["has_more"]:
                return changes, cursor

    def records(self, cursor: str | None = None) -> dict[str, dict]:
        """What a client holds after pulling everything: record id -> last change."""
        held = {}
        for change in self.pull_all(cursor)[0]:
            if change["op"] == "upsert":
                held[change["record_id"]] = change
            else:
                held.pop(change["record_id"], None)
        return held


def create(entity: str, changes: dict, record_id: str | None = None) -> dict:
    return {"mutation_id": new_id(), "entity": entity, "record_id": record_id or new_id(), "op": "create",
            "base_version": None, "base": {}, "changes": changes}


def update(entity: str, record_id: str, base_version, base: dict, changes: dict) -> dict:
    return {"mutation_id": new_id(), "entity": entity, "record_id": record_id, "op": "update",
            "base_version": base_version, "base": base, "changes": changes}


def delete(entity: str, record_id: str, base_version) -> dict:
    return {"mutation_id": new_id(), "entity": entity, "record_id": record_id, "op": "delete",
            "base_version": base_version, "base": {}, "changes": {}}


def company(prefix: str = "Acme") -> str:
    """A company name no other test uses (and not near-identical to one)."""
    return f"{prefix} {uuid.uuid4().hex} Trading"


def phone() -> str:
    """A valid mainland mobile number no other test uses (E.164)."""
    return f"+86139{uuid.uuid4().int % 10**8:08d}"


def start_server(kind: str, database_url: str, tmp) -> Server:
    proc = ServerProcess(database_url, env={"TMPDIR": str(tmp)}).start()
    return Server(kind, proc.url, database_url, proc)


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("server-sqlite")
    server = start_server("sqlite", f"sqlite:///{folder / 'server.sqlite'}", folder)
    yield server
    server.proc.stop()
    server.db.dispose()


@pytest.fixture(scope="session")
def postgres_server(pg_database, tmp_path_factory):
    server = start_server("postgres", pg_database, tmp_path_factory.mktemp("server-pg"))
    yield server
    server.proc.stop()
    server.db.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def server(request) -> Server:
    """The real server: each test using it runs against SQLite and against PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_server")
    return request.getfixturevalue("postgres_server")


@pytest.fixture
def admin(server) -> Api:
    return server.client("admin")


@pytest.fixture
def rep(server) -> Api:
    return server.client("rep")


@pytest.fixture
def finance(server) -> Api:
    return server.client("finance")

