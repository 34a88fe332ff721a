"""`login` and `sync` commands (dispatched by main.py; app/ never imports sync/)."""
from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys


def _store(profile):
    from app.paths import default_profile_dir
    from app.store import Store

    return Store.open(profile or default_profile_dir())


def main(command: str, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"main.py {command}")
    parser.add_argument("--profile", metavar="DIR", help="this client's data directory")
    if command == "login":
        parser.add_argument("--server", required=True, metavar="URL", help="e.g. https://ltc.example.com")
        parser.add_argument("--user", required=True, metavar="NAME")
        parser.add_argument("--ca-bundle", metavar="FILE", help="your company's CA certificates (PEM)")
    else:
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")
        parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
        parser.add_argument("--page-size", type=int, metavar="N", help="records per pulled page")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from sync.engine import SyncEngine, SyncError

    from app.recovery import DatabaseCorrupt

    try:
        store = _store(args.profile)
    except OSError as exc:
        print(f"error: cannot open the profile: {exc}", file=sys.stderr)
        return 1
    except DatabaseCorrupt as exc:  # says what happened and which command recovers
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    engine = SyncEngine(store)
    if command == "sync" and args.page_size:
        if not 1 <= args.page_size <= 10000:
            parser.error("--page-size must be between 1 and 10000")
        engine.pull_limit = args.page_size
    try:
        if command == "login":
            if args.ca_bundle and not os.path.isfile(args.ca_bundle):
                print(f"error: no CA bundle at {args.ca_bundle}", file=sys.stderr)
                return 1
            password = os.environ.get("LTC_PASSWORD")
            if password is None:
                if not sys.stdin.isatty():
                    print("error: no password: set LTC_PASSWORD or run in a terminal", file=sys.stderr)
                    return 1
                password = getpass.getpass(f"Password for {args.user}: ")
            try:
                user = engine.login(args.server, args.user, password, ca_bundle=args.ca_bundle)
            except ValueError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            if engine.keyring_warning:
                print(f"warning: {engine.keyring_warning}", file=sys.stderr)
            print(f"signed in as {user['username']} ({user['role']}) at {engine.server_url}")
            return 0
        return _sync(engine, args)
    except SyncError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    finally:
        store.close()


def _sync(engine, args) -> int:
    import orjson

    def progress(p):
        if not args.quiet:
            print(f"\r{p.phase}: {p.pushed} pushed, {p.records} pulled in {p.pages} pages, "
                  f"{p.bytes / 1e6:.1f} MB", end="", file=sys.stderr, flush=True)

    summary = engine.sync(progress)
    if not args.quiet:
        print(file=sys.stderr)
    print(orjson.dumps(summary.as_dict()).decode() if args.json else summary.line())
    return 0
