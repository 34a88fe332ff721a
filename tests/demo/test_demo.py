"""The demo: a server from the template with the five users, a profile signed in and
synced, the window opened on it. The Maven import itself is proven in tests/insight."""
from __future__ import annotations

import pytest

from server import demo


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LTC_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


SMALL = {"customers": 20, "deals": 30, "activities": 40, "contacts": 10, "seed": 3}


def test_the_template_is_built_once_and_every_demo_starts_from_a_fresh_copy(data_dir, monkeypatch):
    built = []

    def small_build(target, say):
        built.append(target)
        _small(target, say)

    monkeypatch.setattr(demo, "build_template", small_build)
    messages = []
    first = demo.start_demo(messages.append)
    try:
        from server.users import list_users

        assert {u["username"] for u in list_users(first.db)} >= {"rep1", "rep2", "manager", "finance", "admin"}
    finally:
        first.stop()
    second = demo.start_demo(messages.append)
    try:
        from sqlalchemy import text

        with second.db.read() as conn:
            numbers = conn.execute(text("SELECT data FROM records WHERE entity = 'invoice'")).scalars().all()
        assert len(numbers) == 2 and all('"INV-' in n for n in numbers)  # issued by the server
    finally:
        second.stop()
    assert len(built) == 1 and demo.template_path().exists()
    assert "demo data ready" in messages


def test_a_demo_user_gets_a_fresh_profile_signed_in_and_synced(data_dir, monkeypatch):
    from ui.demo import prepare_profile

    monkeypatch.setattr(demo, "build_template", _small)
    said = []
    store, engine, server = prepare_profile(demo.start_demo, "rep1", demo.PASSWORD, said.append)
    try:
        assert engine.state == "online" and store.actor().username == "rep1"
        with store.unit() as uow:
            mine = uow.select("customer")
        assert mine and {c["owner_id"] for c in mine} == {store.actor().id}
        assert any("Signing in as rep1" in s for s in said)
    finally:
        store.close()
        server.stop()


_build = demo.build_template


def _small(target, say):
    _build(target, say, seed=SMALL, maven=False)
