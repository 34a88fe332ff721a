"""Sign-in: argon2 hashes, hashed tokens, logout, disabled accounts and throttling."""
from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import requests
import sqlalchemy as sa

from server.tables import login_failures, tokens, users
from server.users import disable_user
from tests.server.conftest import PASSWORD


def _login(server, username, password=PASSWORD, address=None):
    headers = {"X-Forwarded-For": address} if address else {}
    return requests.post(f"{server.url}/api/v1/auth/login", headers=headers,
                         json={"username": username, "password": password, "device_name": "laptop"})


def _address() -> str:
    n = uuid.uuid4().int
    return f"10.{n % 250}.{(n >> 8) % 250}.{(n >> 16) % 250}"


def test_login_returns_a_token_its_expiry_and_the_user(server):
    name = server.user("finance")
    r = _login(server, name)
    assert r.status_code == 200
    body = r.json()
    assert body["user"]["username"] == name and body["user"]["role"] == "finance"
    assert len(body["token"]) >= 32 and body["expires_at"].endswith("Z")
    me = requests.get(f"{server.url}/api/v1/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.json()["id"] == body["user"]["id"]


def test_wrong_credentials_are_401_invalid_credentials(server):
    name = server.user("rep")
    for username, password in ((name, "wrong"), ("nobody-" + uuid.uuid4().hex, PASSWORD)):
        r = _login(server, username, password, _address())
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "invalid_credentials"


def test_a_missing_or_bad_token_is_401_in_the_error_shape(server):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"}):
        r = requests.get(f"{server.url}/api/v1/sync/pull", headers={"X-LTC-Protocol": "1", **headers})
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "invalid_token" and r.json()["error"]["message"]


def test_logout_revokes_the_token_at_once(server):
    api = server.client("rep")
    assert api.get("/me").status_code == 200
    assert api.post("/auth/logout").status_code == 204
    assert api.get("/me").status_code == 401
    assert api.get("/sync/pull").status_code == 401


def test_a_disabled_user_can_neither_sign_in_nor_use_an_old_token(server):
    name = server.user("rep")
    api = server.login(name)
    disable_user(server.db, name)
    assert api.get("/me").status_code == 401
    assert _login(server, name).status_code == 401


def test_repeated_failures_for_a_user_are_throttled_with_retry_after(server):
    name = server.user("rep")
    for _ in range(5):
        assert _login(server, name, "wrong", _address()).status_code == 401
    r = _login(server, name, PASSWORD, _address())
    assert r.status_code == 429
    assert r.json()["error"]["code"] == "too_many_attempts"
    assert 0 < int(r.headers["Retry-After"]) <= 15 * 60 + 1


def test_repeated_failures_from_one_address_are_throttled(server):
    address = _address()
    for _ in range(20):
        assert _login(server, "ghost-" + uuid.uuid4().hex[:8], "wrong", address).status_code == 401
    name = server.user("rep")
    r = _login(server, name, PASSWORD, address)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert _login(server, name, PASSWORD, _address()).status_code == 200
    with server.db.write() as conn:
        conn.execute(sa.delete(login_failures).where(login_failures.c.address == address))


def test_passwords_are_argon2_hashes_and_tokens_are_kept_only_as_hashes(server):
    name = server.user("rep")
    token = server.login(name).token
    with server.db.read() as conn:
        stored = conn.execute(sa.select(users.c.password_hash).where(users.c.username == name)).scalar_one()
        hashes = conn.execute(sa.select(tokens.c.token_hash)).scalars().all()
    assert stored.startswith("$argon2id$")
    assert hashlib.sha256(token.encode()).hexdigest() in hashes
    assert token not in hashes


def test_no_clear_token_or_password_anywhere_in_the_database_file(sqlite_server):
    name = sqlite_server.user("rep")
    token = sqlite_server.login(name).token
    path = Path(sqlite_server.database_url.removeprefix("sqlite:///"))
    raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    assert raw, "the database file is where the test looks"
    assert name.encode() in raw
    assert token.encode() not in raw
    assert PASSWORD.encode() not in raw
