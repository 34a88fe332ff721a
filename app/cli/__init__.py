"""The command line: one entry point (`main.py`), the desktop client by default.

Exit codes: 0 success; 1 failure, with one line on stderr; 2 bad usage. A user error
never prints a traceback.
"""
from __future__ import annotations

import argparse
import logging
import sys

from app import __version__
from app.errors import DomainError, ValidationError

# Commands that arrive with later capabilities: listed in --help, refusing until then.
COMING: dict[str, str] = {}


class UsageError(Exception):
    """Bad usage detected after parsing (exit 2)."""


def add_profile_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", metavar="DIR",
                        help="this client's data directory (default: the user's data directory)")


def build_parser() -> argparse.ArgumentParser:
    from app.cli import imports, records, recover, reports, seed

    parser = argparse.ArgumentParser(
        prog="main.py", description="LTC Desk: offline-first Lead-to-Cash. With no command, opens the desktop client.")
    parser.add_argument("--version", action="version", version=f"LTC Desk {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation end to end (a fresh profile, the window off screen, "
                             "a sync with an embedded server) and exit (handled by main.py)")
    add_profile_arg(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", help="try it: an embedded server with demo data, the client signed in")
    demo.add_argument("--as", dest="as_user", default="rep1", choices=("rep1", "rep2", "manager", "finance", "admin"),
                      help="the demo user to sign in as (default rep1; the password of every demo user is 'demo')")
    extra = [
        ("server", "the central server (SQLite file by default, PostgreSQL by URL)"),
        ("login", "sign this profile in to a server (token to the keyring)"),
        ("sync", "one full sync, headless, progress on stderr"),
    ]
    registered = {"demo"}
    for name, module in (("records", records), ("seed", seed), ("import", imports), ("report", reports),
                         ("recover", recover)):
        module.register(sub)
        registered.add(name)
    for name, text in extra:
        if name not in registered:
            p = sub.add_parser(name, help=text, add_help=False)
            p.add_argument("rest", nargs=argparse.REMAINDER)
    for name, what in COMING.items():
        p = sub.add_parser(name, help=f"({what}: not available yet)", add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def profile_store(args):
    from app.paths import default_profile_dir
    from app.store import Store

    return Store.open(args.profile or default_profile_dir())


def run(argv: list[str] | None = None) -> int:
    """Run a non-GUI command; returns the exit code. Returns None for the GUI commands."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if args.command in COMING or (args.command and handler is None and args.command != "demo"):
        what = COMING.get(args.command, f"the {args.command} command")
        print(f"main.py {args.command}: {what} is not available in this version yet", file=sys.stderr)
        return 2
    if handler is None:
        return None
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return handler(args) or 0
    except UsageError as exc:
        print(f"main.py {args.command}: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except DomainError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"error: {exc.strerror or exc} ({exc.filename})" if exc.filename else f"error: {exc}", file=sys.stderr)
        return 1
