"""`recover --check | --restore-backup [--backup FILE] | --fresh-sync --profile DIR`: the
ways out of a damaged local database (app/recovery.py)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub) -> None:
    from app.cli import add_profile_arg

    p = sub.add_parser(
        "recover", help="check the local database, or recover a damaged one",
        description="Check a profile's database or recover a damaged one. Either recovery first saves the "
                    "unsent changes (unsent-*.json in the profile), sets the damaged file aside in damaged/, "
                    "and queues the unsent changes again, so the next sync pushes them.")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--check", action="store_true", help="check every page of the database (PRAGMA quick_check)")
    what.add_argument("--restore-backup", action="store_true",
                      help="put back the newest automatic backup that passes the check (or --backup FILE)")
    what.add_argument("--fresh-sync", action="store_true",
                      help="start a new database that pulls everything from the server again")
    p.add_argument("--backup", type=Path, metavar="FILE", help="with --restore-backup: this backup")
    add_profile_arg(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app import recovery
    from app.cli import UsageError
    from app.paths import default_profile_dir
    from app.store import DB_NAME

    profile = Path(args.profile or default_profile_dir())
    if args.backup and not args.restore_backup:
        raise UsageError("--backup goes with --restore-backup")
    if not (profile / DB_NAME).exists() and not args.fresh_sync:
        print(f"error: no database in {profile}", file=sys.stderr)
        return 1
    if args.check:
        found = recovery.problems(profile / DB_NAME, full=True)
        if not found:
            print(f"{profile / DB_NAME}: ok")
            return 0
        print(f"{profile / DB_NAME} is damaged: {found[0]}" + (f" (and {len(found) - 1} more)" if len(found) > 1 else ""),
              file=sys.stderr)
        backups = recovery.good_backups(profile)
        print("recover with: main.py recover --fresh-sync --profile " + str(profile)
              + (f"  or  main.py recover --restore-backup --profile {profile}" if backups else ""), file=sys.stderr)
        return 1
    if args.restore_backup:
        done = recovery.restore_backup(profile, args.backup)
        print(f"restored from {done['restored_from']}")
    else:
        done = recovery.fresh_sync(profile)
        print("a new database is in place" + (f"; `main.py sync --profile {profile}` pulls everything from "
                                               f"{done['server_url']}" if done.get("server_url") else ""))
    print(f"the damaged database is kept at {done['damaged']}; {done['requeued']} unsent change(s) queued again "
          f"(saved in {done['export']})")
    return 0
