"""`main.py server ...`: accounts from the command line, exit codes, no tracebacks."""
from __future__ import annotations

import json

import pytest
import requests

from tests.support.server import ServerProcess, run_cli


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


def test_create_list_and_disable_users(url, tmp_path):
    boss = run_cli("create-user", "boss", "--role", "manager", "--display-name", "王经理", database_url=url)
    assert boss.returncode == 0 and len(boss.stdout.strip()) == 36
    assert run_cli("create-user", "ann", "--role", "rep", "--manager", "boss", database_url=url).returncode == 0
    listed = json.loads(run_cli("list-users", "--json", database_url=url).stdout)
    by_name = {u["username"]: u for u in listed}
    assert by_name["ann"]["manager"] == "boss" and by_name["boss"]["display_name"] == "王经理"
    with ServerProcess(url, env={"TMPDIR": str(tmp_path)}) as server:
        login = {"username": "ann", "password": "correct horse battery staple"}
        assert requests.post(f"{server.url}/api/v1/auth/login", json=login).status_code == 200
        assert run_cli("disable-user", "ann", database_url=url).returncode == 0
        assert requests.post(f"{server.url}/api/v1/auth/login", json=login).status_code == 401


@pytest.mark.parametrize("args,code", [
    (("create-user", "x", "--role", "emperor"), 2),
    (("create-user", "x"), 2),
    (("--port", "not-a-number"), 2),
    (("disable-user", "nobody"), 1),
    (("create-user", "y", "--role", "rep", "--manager", "nobody"), 1),
])
def test_bad_usage_is_2_and_failures_are_1_with_one_line_and_no_traceback(url, args, code):
    out = run_cli(*args, database_url=url, check=False)
    assert out.returncode == code
    assert "Traceback" not in out.stderr
    if code == 1:
        assert len(out.stderr.strip().splitlines()) == 1 and out.stderr.startswith("error:")


def test_a_taken_user_name_is_refused(url):
    run_cli("create-user", "dup", "--role", "rep", database_url=url)
    out = run_cli("create-user", "dup", "--role", "admin", database_url=url, check=False)
    assert out.returncode == 1 and "already exists" in out.stderr


def test_migrate_brings_a_new_database_up_to_date(url):
    out = run_cli("migrate", database_url=url)
    assert out.returncode == 0 and "up to date" in out.stdout
