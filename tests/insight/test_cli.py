"""`main.py import` and `main.py report` as a script runs them: exit codes 0/1/2, one line
on stderr for a failure, never a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli(*args, profile):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--profile", str(profile)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def one_line(done) -> str:
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_import_asks_prints_a_template_then_imports_with_the_answers(tmp_path):
    profile = tmp_path / "p"
    data = tmp_path / "客户.csv"
    data.write_bytes("name,industry,phone\n甲公司,IT,13800138000\n乙公司,retail,\n".encode("gbk"))
    asked = cli("import", "customer", str(data), profile=profile)
    assert asked.returncode == 1
    assert one_line(asked) == "error: 1 decision(s) need an answer; nothing was imported"
    assert "unknown industry “IT” in column “industry” (1 row of 客户)" in asked.stdout
    assert "(csv, GBK/GB18030)" in asked.stdout
    template = json.loads(asked.stdout[asked.stdout.index("\n{") + 1:asked.stdout.rindex("}") + 1])
    key = "客户/industry/unknown_value/it"
    assert template["decisions"][key]["answer"] is None
    template["decisions"][key]["answer"] = "map:technology"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    dry = cli("import", "customer", str(data), "--decisions", str(answers), "--dry-run", profile=profile)
    assert dry.returncode == 0 and "2 to create" in dry.stdout
    listed = cli("records", "list", "customer", "--json", profile=profile)
    assert json.loads(listed.stdout) == []
    done = cli("import", "customer", str(data), "--decisions", str(answers), "--json", profile=profile)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["steps"][0]["created"] == 2
    rows = json.loads(cli("records", "list", "customer", "--json", profile=profile).stdout)
    assert sorted((r["name"], r["industry"]) for r in rows) == [("乙公司", "retail"), ("甲公司", "technology")]
    history = cli("import", "--log", profile=profile)
    assert history.returncode == 0
    assert [line.split()[2] for line in history.stdout.splitlines() if not line.startswith(" ")] == \
        ["committed", "dry_run", "needs_decisions"]


def test_import_usage_errors_exit_2_and_file_errors_exit_1(tmp_path):
    profile = tmp_path / "p"
    assert cli("import", profile=profile).returncode == 2
    assert cli("import", "--dir", str(tmp_path), profile=profile).returncode == 2
    assert cli("import", "spaceship", str(tmp_path / "x.csv"), profile=profile).returncode == 2
    missing = cli("import", "customer", str(tmp_path / "nope.csv"), profile=profile)
    assert missing.returncode == 1 and one_line(missing).startswith("error: no such file")
    junk = tmp_path / "junk.csv"
    junk.write_bytes(os.urandom(4096).replace(b"\x00", b"\x01") + b"\x00\x00")
    bad = cli("import", "customer", str(junk), profile=profile)
    assert bad.returncode == 1 and "binary" in one_line(bad)
    mapping = tmp_path / "m.json"
    mapping.write_text('{"entity": "customer", "fields": {"nmae": "name"}}', encoding="utf-8")
    (tmp_path / "ok.csv").write_text("name\nA\n", encoding="utf-8")
    wrong = cli("import", "customer", str(tmp_path / "ok.csv"), "--mapping", str(mapping), profile=profile)
    assert wrong.returncode == 1 and "'nmae' is not a field of customer" in one_line(wrong)


def test_report_kpis_prints_tables_or_json_and_refuses_bad_dates(tmp_path):
    profile = tmp_path / "p"
    assert cli("records", "add", "customer", "name=甲公司", profile=profile).returncode == 0
    human = cli("report", "kpis", profile=profile)
    assert human.returncode == 0, human.stderr
    assert "== Pipeline funnel" in human.stdout and "== Receivables aging" in human.stdout
    data = json.loads(cli("report", "kpis", "--json", "--metric", "win_rate", profile=profile).stdout)
    assert list(data["metrics"]) == ["win_rate"] and data["currency"] == "CNY"
    assert cli("report", "kpis", "--from", "2026-13-01", profile=profile).returncode == 2
    assert cli("report", "kpis", "--from", "2026-02-01", "--to", "2026-01-01", profile=profile).returncode == 2
    nobody = cli("report", "kpis", "--rep", "nobody", profile=profile)
    assert nobody.returncode == 1 and one_line(nobody) == "error: no user 'nobody'"
    out = tmp_path / "out"
    exported = cli("report", "kpis", "--export", str(out), "--xlsx", profile=profile)
    assert exported.returncode == 0 and (out / "pipeline_funnel.xlsx").is_file()
