"""Tokens that must stop working do, on every endpoint that needs one: an expired token
(the server's sign-in lifetime set to two seconds) and a revoked one (signed out). A
client holding one keeps its unsent work and is asked to sign in again. Sign-in
throttling holds across two server processes sharing PostgreSQL."""
from __future__ import annotations

import time
import uuid

import pytest
import requests

from app.services import customers
from app.store import Store
from sync.engine import NEEDS_SIGN_IN, SyncEngine, SyncError
from tests.security.test_endpoint_scopes import example
from tests.server.conftest import PASSWORD, Server, start_server
from tests.support.server import ServerProcess


def authenticated_requests(url: str) -> list[tuple[str, str, dict]]:
    """One request per endpoint that needs a token: all but health and login, and logout,
    which revokes whatever it is given (an unknown token too, as RFC 7009 does)."""
    spec = requests.get(f"{url}/openapi.json").json()
    out = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if path in ("/api/v1/health", "/api/v1/auth/login", "/api/v1/auth/logout"):
                continue
            target = str(uuid.uuid4())
            for p in op.get("parameters", []):
                if p["in"] == "path":
                    path = path.replace("{" + p["name"] + "}", "customer" if p["name"] == "entity" else target)
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            kwargs = {"json": example(body, spec, [target])} if body is not None else {}
            out.append((method.upper(), path, kwargs))
    return out


def assert_refused_everywhere(url: str, token: str) -> None:
    endpoints = authenticated_requests(url)
    assert len(endpoints) >= 9
    for method, path, kwargs in endpoints:
        r = requests.request(method, url + path, headers={"Authorization": f"Bearer {token}", "X-LTC-Protocol": "1"},
                             timeout=30, **kwargs)
        assert r.status_code == 401, (method, path, r.status_code, r.text)
        assert r.json()["error"]["code"] == "invalid_token"


def signed_in(tmp_path, url: str, user: str) -> SyncEngine:
    engine = SyncEngine(Store.open(tmp_path / f"profile-{uuid.uuid4().hex[:6]}"),
                        transport_options={"retries": 1, "backoff": 0.05})
    engine.login(url, user, PASSWORD)
    return engine


def assert_asked_to_sign_in_with_work_kept(engine: SyncEngine) -> None:
    made = engine.store.run(customers.create_customer, {"name": f"Kept {uuid.uuid4().hex}"}, allow_duplicate=True)
    with pytest.raises(SyncError) as caught:
        engine.sync()
    assert caught.value.state == NEEDS_SIGN_IN and engine.status()["state"] == NEEDS_SIGN_IN
    assert engine.status()["pending"] >= 1
    assert engine.store.run(lambda uow: uow.get("customer", made["id"])) is not None


def test_an_expired_token_is_refused_on_every_endpoint(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    proc = ServerProcess(url, env={"LTC_SERVER_TOKEN_TTL_DAYS": str(2 / 86400)}, log_path=tmp_path / "s.log").start()
    server = Server("sqlite", proc.url, url, proc)
    try:
        name = server.user("rep")
        api = server.login(name)
        engine = signed_in(tmp_path, proc.url, name)
        assert api.get("/me").status_code == 200
        time.sleep(3.1)
        assert_refused_everywhere(proc.url, api.token)
        assert_asked_to_sign_in_with_work_kept(engine)
        engine.store.close()
    finally:
        proc.stop()
        server.db.dispose()


def test_a_signed_out_token_is_refused_on_every_endpoint(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    proc = ServerProcess(url, log_path=tmp_path / "s.log").start()
    server = Server("sqlite", proc.url, url, proc)
    try:
        name = server.user("rep")
        engine = signed_in(tmp_path, proc.url, name)
        engine.sync()
        from sync import credentials

        token = credentials.load_token(engine.server_url, engine.username)
        engine.logout()
        assert credentials.load_token(engine.server_url, engine.username) is None
        assert_refused_everywhere(proc.url, token)
        # Another device of the same user, still signed in, is asked again once its token is revoked.
        other = signed_in(tmp_path, proc.url, name)
        other_token = credentials.load_token(other.server_url, other.username)
        assert requests.post(f"{proc.url}/api/v1/auth/logout",
                             headers={"Authorization": f"Bearer {other_token}"}).status_code == 204
        assert_asked_to_sign_in_with_work_kept(other)
        for e in (engine, other):
            e.store.close()
    finally:
        proc.stop()
        server.db.dispose()


@pytest.mark.postgres
def test_sign_in_throttling_holds_across_two_server_processes(tmp_path, postgres_url):
    first = start_server("postgres", postgres_url, tmp_path)
    second = ServerProcess(postgres_url, log_path=tmp_path / "second.log").start()
    try:
        name = first.user("rep")
        urls = [first.url, second.url]
        for attempt in range(5):
            r = requests.post(f"{urls[attempt % 2]}/api/v1/auth/login", json={"username": name, "password": "wrong"})
            assert r.status_code == 401
        for url in urls:
            r = requests.post(f"{url}/api/v1/auth/login", json={"username": name, "password": PASSWORD})
            assert r.status_code == 429 and r.json()["error"]["code"] == "too_many_attempts"
            assert 0 < int(r.headers["Retry-After"]) <= 15 * 60 + 1
        # The client says so in words, and keeps the profile unbound.
        engine = SyncEngine(Store.open(tmp_path / "profile"))
        with pytest.raises(SyncError) as caught:
            engine.login(second.url, name, PASSWORD)
        assert "too many failed sign-ins" in caught.value.message and "seconds" in caught.value.message
        assert engine.server_url is None
        engine.store.close()
    finally:
        second.stop()
        first.proc.stop()
        first.db.dispose()
