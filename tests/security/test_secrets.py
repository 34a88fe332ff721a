"""No token and no password in any file the product writes: a real scenario (sign-ins
from the command line and in process, failed sign-ins, syncs, a sign-out, a backup and
an export of unsent work) with the server logging at debug level and the client logging
everything, then every file of the server's data, the client profiles and the logs is
searched for every token issued and every password typed."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest
import requests

from app import recovery
from app.services import customers
from app.store import Store
from sync import credentials
from sync.engine import SyncEngine, SyncError
from tests.faults.conftest import prepare
from tests.support.server import PASSWORD, ROOT, ServerProcess

WRONG = "not-the-password-7f3a9c"


def files_under(*folders):
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                yield path


def test_no_token_or_password_is_written_to_any_log_or_database_file(tmp_path, shared_keyring):
    server_dir, profiles, logs = tmp_path / "server-data", tmp_path / "profiles", tmp_path / "logs"
    for folder in (server_dir, profiles, logs):
        folder.mkdir()
    url = f"sqlite:///{server_dir / 'server.sqlite'}"
    prepare(url)
    handler = logging.FileHandler(logs / "client.log")
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    tokens = []
    try:
        with ServerProcess(url, log_path=logs / "server.log", log_level="debug") as server:
            env = {**os.environ, "LTC_PASSWORD": PASSWORD}

            def main_py(name, *args, password=PASSWORD):
                out = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                                     text=True, env={**env, "LTC_PASSWORD": password}, timeout=60)
                (logs / f"{name}.out").write_text(out.stdout + out.stderr)
                return out

            cli_profile = profiles / "cli"
            assert main_py("login", "login", "--server", server.url, "--user", "rep1",
                           "--profile", str(cli_profile)).returncode == 0
            assert main_py("add", "records", "add", "customer", "name=Secretive Ltd", "--profile",
                           str(cli_profile)).returncode == 0
            assert main_py("sync", "sync", "--profile", str(cli_profile)).returncode == 0
            assert main_py("bad-login", "login", "--server", server.url, "--user", "rep1", "--profile",
                           str(profiles / "cli-2"), password=WRONG).returncode == 1
            keyring_file = json.loads((tmp_path / "keyring.json").read_text())
            tokens += list(keyring_file.values())

            engine = SyncEngine(Store.open(profiles / "gui"))
            engine.login(server.url, "rep1", PASSWORD)
            tokens.append(credentials.load_token(engine.server_url, engine.username))
            engine.store.run(customers.create_customer, {"name": "Logged Ltd"})
            engine.sync()
            with pytest.raises(SyncError):
                SyncEngine(Store.open(profiles / "other")).login(server.url, "rep1", WRONG)
            tokens.append(requests.post(f"{server.url}/api/v1/auth/login",
                                        json={"username": "admin", "password": PASSWORD}).json()["token"])
            recovery.daily_backup(engine.store)
            recovery.export_unsent(profiles / "gui")
            engine.logout()
            engine.store.close()
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)
        handler.close()

    tokens = [t for t in tokens if t]
    assert len(set(tokens)) >= 3
    secrets = [PASSWORD, WRONG, *tokens]
    searched = list(files_under(server_dir, profiles, logs))
    names = {p.name for p in searched}
    # The search covers what it must: databases, WAL files, backups, exports, every log.
    assert {"server.sqlite", "ltc.sqlite", "client.log", "server.log"} <= names
    assert any(n.startswith("unsent-") for n in names) and any("daily" in n for n in names)
    assert (logs / "client.log").stat().st_size > 0 and (logs / "server.log").stat().st_size > 0
    for path in searched:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"{path} holds a secret"
            assert secret.encode("utf-16-le") not in data, f"{path} holds a secret (UTF-16)"
