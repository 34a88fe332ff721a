"""`main.py records ...` end to end, as a script would run it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args, profile):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--profile", str(profile)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)


def test_add_show_edit_list_delete_through_the_services(tmp_path):
    added = cli("records", "add", "customer", "name=深圳前海微众科技有限公司", "phone=0755 8888 6666",
                "industry=finance", profile=tmp_path)
    assert added.returncode == 0, added.stderr
    cid = added.stdout.strip().splitlines()[-1]

    shown = json.loads(cli("records", "show", "customer", cid, "--json", profile=tmp_path).stdout)
    assert shown["phone"] == "+8675588886666"
    assert shown["sync"]["pending"] is True and shown["sync"]["version"] is None
    assert shown["sync"]["conflict"] is False and shown["sync"]["rejected"] is False

    edited = cli("records", "edit", "customer", cid, "notes=重点客户", profile=tmp_path)
    assert edited.returncode == 0, edited.stderr
    listed = json.loads(cli("records", "list", "customer", "--json", profile=tmp_path).stdout)
    assert [(r["id"], r["notes"]) for r in listed] == [(cid, "重点客户")]

    deal = cli("records", "add", "deal", f"customer_id={cid}", "name=跨境结算", "stage=prospecting", profile=tmp_path)
    assert deal.returncode == 0, deal.stderr
    moved = cli("records", "edit", "deal", deal.stdout.strip(), "stage=lost", "lost_reason=competitor",
                profile=tmp_path)
    assert moved.returncode == 0, moved.stderr

    refused = cli("records", "delete", "customer", cid, profile=tmp_path)
    assert refused.returncode == 1 and "1 deal" in refused.stderr


def test_invalid_input_exits_1_with_the_field_messages_and_writes_nothing(tmp_path):
    bad = cli("records", "add", "customer", "name=测试", "phone=123", "email=nope", "credit_limit_minor=abc",
              profile=tmp_path)
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert "credit_limit_minor" in bad.stderr
    bad = cli("records", "add", "customer", "name=测试", "phone=123", profile=tmp_path)
    assert "phone: is not a valid phone number" in bad.stderr
    assert json.loads(cli("records", "list", "customer", "--json", profile=tmp_path).stdout) == []
    missing = cli("records", "show", "customer", "no-such-id", profile=tmp_path)
    assert missing.returncode == 1 and "no customer" in missing.stderr


@pytest.mark.parametrize("args", [
    ("records", "frobnicate", "customer"),
    ("records", "list", "unicorn"),
    ("records", "edit", "customer"),
    ("records", "add", "customer", "nameWithoutValue"),
])
def test_bad_usage_exits_2_or_1_without_a_traceback(tmp_path, args):
    out = cli(*args, profile=tmp_path)
    assert out.returncode in (1, 2) and "Traceback" not in out.stderr and out.stderr.strip()


def test_help_lists_every_command_of_the_design():
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True, text=True, cwd=ROOT)
    for command in ("demo", "server", "login", "sync", "records", "seed"):
        assert command in out.stdout
