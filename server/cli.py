"""`python main.py server ...`: run the central server and manage its accounts.

    main.py server [--host H] [--port P] [--database-url URL] [--forwarded-allow-ips IPS]
                   [--ssl-certfile FILE --ssl-keyfile FILE]
                                                                    serve (migrates first)
    main.py server migrate [--database-url URL]
    main.py server create-user NAME --role ROLE [--display-name T] [--manager NAME] [--database-url URL]
    main.py server set-password NAME [--database-url URL]
    main.py server disable-user NAME [--database-url URL]
    main.py server list-users [--json] [--database-url URL]
    main.py server seed --owner NAME[,NAME...] --customers N --deals N --activities N [--seed S]
                                                                    generated sample data
    main.py server scan-duplicates [--entity customer|contact|lead ...] [--json] [--database-url URL]
                                                                    likely duplicates -> conflict queue
    main.py server mark-restored [--database-url URL]                after restoring a backup: every
                                                                    client pulls everything again

Passwords come from LTC_PASSWORD or a prompt. Exit codes: 0 ok, 1 failure (one line on
stderr), 2 bad usage; never a traceback for a user error.
"""
from __future__ import annotations

import argparse
import gc
import getpass
import json
import logging
import os
import sys

from sqlalchemy.exc import SQLAlchemyError

from app.errors import DomainError
from app.rules.states import ROLES

COMMANDS = ("migrate", "create-user", "set-password", "disable-user", "list-users", "seed", "scan-duplicates",
            "mark-restored")


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", metavar="URL",
                        help="SQLite (sqlite:///path) or PostgreSQL (postgresql+psycopg://...); "
                             "default: LTC_SERVER_DATABASE_URL or a SQLite file in the data directory")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py server", description="The LTC Desk central server.",
                                     epilog="Commands: " + ", ".join(COMMANDS)
                                     + " (see `main.py server COMMAND --help`).")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    parser.add_argument("--log-level", default="info", choices=("debug", "info", "warning", "error"))
    parser.add_argument("--forwarded-allow-ips", default="127.0.0.1", metavar="IPS",
                        help="proxies whose X-Forwarded-For is trusted (comma-separated; default 127.0.0.1)")
    parser.add_argument("--ssl-certfile", metavar="FILE", help="serve HTTPS with this certificate (PEM, with its chain)")
    parser.add_argument("--ssl-keyfile", metavar="FILE", help="the certificate's private key (PEM)")
    _db_arg(parser)
    return parser


def build_command_parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"main.py server {command}")
    if command in ("create-user", "set-password", "disable-user"):
        parser.add_argument("name", help="user name")
    if command == "create-user":
        parser.add_argument("--role", required=True, choices=ROLES)
        parser.add_argument("--display-name")
        parser.add_argument("--manager", metavar="NAME", help="the user's manager (a manager's team)")
        parser.add_argument("--team")
    if command == "list-users":
        parser.add_argument("--json", action="store_true", help="print a JSON array")
    if command == "scan-duplicates":
        parser.add_argument("--entity", action="append", choices=("customer", "contact", "lead"),
                            help="what to scan (repeatable; default: customers, contacts and leads)")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
    if command == "seed":
        parser.add_argument("--owner", required=True, metavar="NAME[,NAME...]",
                            help="user(s) whose book the generated customers join (round robin)")
        parser.add_argument("--customers", type=int, default=1000)
        parser.add_argument("--deals", type=int, default=2000)
        parser.add_argument("--activities", type=int, default=3000)
        parser.add_argument("--contacts", type=int, default=0)
        parser.add_argument("--seed", type=int, default=1, help="same seed, same data")
    _db_arg(parser)
    return parser


def _password(username: str) -> str:
    password = os.environ.get("LTC_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise DomainError("no password: set LTC_PASSWORD or run in a terminal")
    first = getpass.getpass(f"Password for {username}: ")
    if first != getpass.getpass("Again: "):
        raise DomainError("the passwords differ")
    return first


def _database(url: str | None):
    from server.config import default_database_url
    from server.db import Database

    db = Database(url or default_database_url())
    db.migrate()
    return db


def _run_command(command: str, args) -> int:
    from server import dictionary, users

    db = _database(args.database_url)
    try:
        if command == "migrate":
            dictionary.seed_defaults(db)
            print(f"server database at {db.display_url} is up to date")
        elif command == "create-user":
            dictionary.seed_defaults(db)
            record = users.create_user(db, args.name, role=args.role, password=_password(args.name),
                                       display_name=args.display_name, manager=args.manager, team=args.team)
            print(record["id"])
        elif command == "set-password":
            users.set_password(db, args.name, _password(args.name))
        elif command == "disable-user":
            users.disable_user(db, args.name)
            print(f"{args.name} is disabled; their tokens no longer work")
        elif command == "seed":
            _seed(db, args)
        elif command == "scan-duplicates":
            _scan_duplicates(db, args)
        elif command == "mark-restored":
            from server.pull import new_epoch

            new_epoch(db)
            print("a new history starts: every client pulls everything again and offers back what it made "
                  "that this backup lacks")
        elif command == "list-users":
            rows = users.list_users(db)
            if args.json:
                print(json.dumps(rows, ensure_ascii=False))
            else:
                for r in rows:
                    state = "" if r["active"] else "  (disabled)"
                    manager = f"  manager: {r['manager']}" if r["manager"] else ""
                    print(f"{r['username']:<20} {r['role']:<8} {r['display_name'] or ''}{manager}{state}")
    finally:
        db.dispose()
    return 0


def _seed(db, args) -> None:
    import time

    from app.seed import generate
    from server import bulk, dictionary, users

    dictionary.seed_defaults(db)
    known = {u["username"]: u["id"] for u in users.list_users(db)}
    names = [n.strip() for n in args.owner.split(",") if n.strip()]
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise DomainError(f"no such user: {', '.join(unknown) or args.owner} (create them first)")
    started = time.perf_counter()
    with db.read() as conn:
        current = dictionary.current(conn)
    batches = generate(customers=args.customers, deals=args.deals, activities=args.activities,
                       contacts=args.contacts, seed=args.seed, owner_ids=[known[n] for n in names],
                       dictionary=current)
    counts = bulk.load(db, batches)
    elapsed = time.perf_counter() - started
    total = sum(counts.values())
    print(f"seeded {total:,} records in {elapsed:.1f} s ({total / elapsed:,.0f}/s): "
          + ", ".join(f"{n:,} {e}" for e, n in counts.items()))


def _scan_duplicates(db, args) -> None:
    from server import duplicate_scan

    result = duplicate_scan.scan(db, tuple(dict.fromkeys(args.entity or duplicate_scan.ENTITIES)))
    if args.json:
        print(json.dumps(result))
        return
    scanned = ", ".join(f"{n:,} {entity}(s)" for entity, n in result["scanned"].items())
    print(f"scanned {scanned} in {result['seconds']:.1f} s: {result['pairs']} likely pair(s), "
          f"{len(result['opened'])} new duplicate conflict(s) in the queue")


def _serve(args) -> int:
    import uvicorn

    from server.app import create_app
    from server.config import ServerConfig

    app = create_app(ServerConfig.from_env(args.database_url))
    # Everything loaded so far lives as long as the process: keep it out of the cyclic
    # collector's way, whose full passes otherwise stall large pull pages now and then.
    gc.freeze()
    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise DomainError("HTTPS needs both --ssl-certfile and --ssl-keyfile")
    for path in (args.ssl_certfile, args.ssl_keyfile):
        if path and not os.path.isfile(path):
            raise DomainError(f"no such file: {path}")
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, proxy_headers=True,
                forwarded_allow_ips=args.forwarded_allow_ips, ssl_certfile=args.ssl_certfile,
                ssl_keyfile=args.ssl_keyfile)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run `main.py server ...` with `argv` (the words after `server`); returns the exit code."""
    argv = list(sys.argv[2:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else None
    parser = build_command_parser(command) if command else build_parser()
    try:
        args = parser.parse_args(argv[1:] if command else argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    logging.basicConfig(level=logging.INFO if not command else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        return _run_command(command, args) if command else _serve(args)
    except DomainError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(f"error: database: {str(exc.orig if hasattr(exc, 'orig') and exc.orig else exc).splitlines()[0]}",
              file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
