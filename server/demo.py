"""`main.py demo`: an embedded server filled with demo data, for trying the product.

The demo data is the public Maven CRM data set (resources/demo/maven-crm, defects and
all), imported the way a customer would: an administrator's client runs the importer
with the shipped mapping and the answers in resources/demo/maven-decisions.json, and
pushes it through the sync protocol. Beside it, Chinese customers, deals and activities
from the seed generator fill the books of the two demo reps, and a short cash-side story
(server/demo_cash.py) gives every role something in its inbox. Building that takes about
a minute, so the finished server database is kept as a template in the user's data
directory; every demo run starts from a fresh temporary copy of it.
"""
from __future__ import annotations

import csv
import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from app import __version__
from app.paths import data_root, resource_path
from server.embedded import EmbeddedServer, start_embedded

log = logging.getLogger(__name__)

PASSWORD = "demo"
# (user name, role, display name, manager)
USERS = (
    ("admin", "admin", "管理员 Admin", None),
    ("finance", "finance", "刘洋 · 财务", None),
    ("manager", "manager", "陈静 · 销售经理", None),
    ("rep1", "rep", "李娜 · 华东销售", "manager"),
    ("rep2", "rep", "王磊 · 华南销售", "manager"),
)
SEED = {"customers": 600, "deals": 1500, "activities": 3000, "contacts": 900, "seed": 7}
# Bump when what goes into the template changes, so old templates are rebuilt.
DATA_VERSION = 2

Progress = Callable[[str], None]


def template_path() -> Path:
    return data_root() / "demo" / f"server-{__version__}-v{DATA_VERSION}.sqlite"


def start_demo(progress: Progress | None = None) -> EmbeddedServer:
    """An embedded server on a fresh copy of the demo database (built first if needed)."""
    say = progress or (lambda text: None)
    template = template_path()
    if not template.exists():
        build_template(template, say)
    folder = Path(tempfile.mkdtemp(prefix="ltc-demo-"))
    copy = folder / "server.sqlite"
    shutil.copyfile(template, copy)
    say("starting the demo server")
    return start_embedded(f"sqlite:///{copy}", owned_dir=folder)


def build_template(target: Path, say: Progress, *, seed: dict | None = None, maven: bool = True) -> None:
    """Build the demo server database at `target` (atomically: a half-built template
    is never left where the next run would take it). `seed` and `maven` shrink it for
    tests."""
    from app.store import Store
    from server import bulk
    from server.users import list_users
    from sync.engine import SyncEngine

    work = Path(tempfile.mkdtemp(prefix="ltc-demo-build-"))
    database = work / "server.sqlite"
    server = start_embedded(f"sqlite:///{database}")
    try:
        say("creating the demo users")
        for name, role, display, manager in USERS:
            server.add_user(name, role, PASSWORD, manager=manager, display_name=display)
        _maven_accounts(server)
        ids = {u["username"]: u["id"] for u in list_users(server.db)}
        say("generating Chinese customers, deals and activities")
        from app.seed import generate

        bulk.load(server.db, generate(owner_ids=[ids["rep1"], ids["rep2"]], **(seed or SEED)))
        if maven:
            say("importing the Maven CRM data set (first run only: about a minute)")
            store = Store.open(work / "admin-profile")
            try:
                engine = SyncEngine(store, device_name="demo builder")
                engine.login(server.url, "admin", PASSWORD)
                engine.sync()
                _import_maven(store, say)
                say("sending the imported records to the server")
                engine.sync(lambda p: p.phase == "push" and p.pushed % 5000 < 500 and
                            say(f"sent {p.pushed:,} changes"))
            finally:
                store.close()
        from server import demo_cash

        demo_cash.play(server.url, PASSWORD, work, say)
    finally:
        server.stop()
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    shutil.copyfile(database, partial)
    partial.replace(target)
    shutil.rmtree(work, ignore_errors=True)
    say("demo data ready")


def _maven_accounts(server: EmbeddedServer) -> None:
    """Accounts for the data set's managers and agents, under the user names the
    importer gives them, so the import finds them instead of creating users (accounts
    are the server's to create)."""
    from app.imports.mapping import username_of

    teams = resource_path("demo", "maven-crm", "sales_teams.csv")
    with open(teams, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for manager in sorted({r["manager"] for r in rows}):
        server.add_user(username_of(manager), "manager", PASSWORD, display_name=manager)
    for r in rows:
        server.add_user(username_of(r["sales_agent"]), "rep", PASSWORD, display_name=r["sales_agent"],
                        manager=username_of(r["manager"]))


def _import_maven(store, say: Progress) -> None:
    from app.imports import ImportSource, load_answers, run_import

    source = ImportSource.for_directory(resource_path("demo", "maven-crm"),
                                        resource_path("mappings", "maven-crm", "set.json"))
    answers = load_answers(resource_path("demo", "maven-decisions.json"))
    result = run_import(store, source, answers, mode="valid_rows",
                        progress=lambda phase, done, total: done % 2000 == 0 and done and
                        say(f"importing {phase}: {done:,} of {total:,}"))
    if result.status not in ("committed", "imported"):
        raise RuntimeError(f"the demo import did not go through: {result.status}: {result.message}")
