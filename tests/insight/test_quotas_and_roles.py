"""Quotas (set by managers, one per rep and month) and each role's starting dashboard."""
from __future__ import annotations

import pytest

from app.errors import PermissionDenied, ValidationError
from app.reports import FOCUS, for_role
from app.reports.filters import default_filter
from app.services import quotas
from tests.conftest import as_role


@pytest.fixture
def team(store):
    with store.unit() as uow:
        boss = uow.create("user", {"username": "boss", "role": "manager", "team": "华东"})
        ann = uow.create("user", {"username": "ann", "role": "rep", "team": "华东", "manager_id": boss["id"]})
        lone = uow.create("user", {"username": "lone", "role": "manager"})
        rep = uow.create("user", {"username": "zed", "role": "rep", "manager_id": lone["id"]})
    return {"boss": boss, "ann": ann, "lone": lone, "zed": rep}


def test_a_quota_is_one_record_per_rep_and_month_that_setting_again_changes(store, team):
    as_role(store, "manager")
    first = store.run(quotas.set_quota, {"user_id": team["ann"]["id"], "period": "2026-7", "amount_minor": 100})
    again = store.run(quotas.set_quota, {"user_id": team["ann"]["id"], "period": "2026-07", "amount_minor": 250})
    assert first["id"] == again["id"] == quotas.quota_id(team["ann"]["id"], "2026-07")
    assert (again["period"], again["amount_minor"], again["currency"]) == ("2026-07", 250, "CNY")
    with store.unit() as uow:
        assert [q["amount_minor"] for q in quotas.quotas_for(uow, "2026-01", "2026-12")] == [250]


def test_only_managers_and_admins_set_quotas_and_the_month_must_be_a_month(store, team):
    as_role(store, "rep")
    with pytest.raises(PermissionDenied):
        store.run(quotas.set_quota, {"user_id": team["ann"]["id"], "period": "2026-07", "amount_minor": 1})
    as_role(store, "manager")
    with pytest.raises(ValidationError, match="must be a month"):
        store.run(quotas.set_quota, {"user_id": team["ann"]["id"], "period": "2026-13", "amount_minor": 1})
    with pytest.raises(ValidationError, match="amount_minor"):
        store.run(quotas.set_quota, {"user_id": team["ann"]["id"], "period": "2026-08"})


def test_each_role_starts_on_its_own_view(store, team):
    from app.store import Actor

    with store.read() as s:
        assert default_filter(s, Actor(team["ann"]["id"], "ann", "rep")).rep == team["ann"]["id"]
        assert default_filter(s, Actor(team["boss"]["id"], "boss", "manager")).team == "华东"
        assert default_filter(s, Actor(team["lone"]["id"], "lone", "manager")).manager == team["lone"]["id"]
        assert default_filter(s, Actor("f", "fin", "finance")).as_dict() == {"stuck_days": 30}
    finance = for_role(store, Actor("f", "fin", "finance"))
    assert finance["focus"][0] == "receivables_aging" and finance["focus"] == list(FOCUS["finance"])
    assert for_role(store, Actor(team["ann"]["id"], "ann", "rep"))["filter"]["rep"] == team["ann"]["id"]


def test_scripts_adding_a_quota_go_through_the_quota_service(store, team):
    from app.services import records

    as_role(store, "manager")
    added = store.run(records.add, "quota", {"user_id": team["zed"]["id"], "period": "2026-09", "amount_minor": 7})
    assert added["id"] == quotas.quota_id(team["zed"]["id"], "2026-09")
