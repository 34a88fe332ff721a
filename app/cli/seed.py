"""`seed --customers N --deals N --activities N [--contacts N] [--seed S]`: realistic generated data."""
from __future__ import annotations

import argparse
import datetime as dt


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(sub) -> None:
    from app.cli import add_profile_arg
    from app.seed import REFERENCE_DATE

    p = sub.add_parser(
        "seed", help="fill a profile with realistic generated data (demos, benchmarks)",
        description="Fill a profile with realistic generated data. Seeded rows are local sample data: "
                    "they are not queued for sync (never pushed to a server) and leave no audit trail. "
                    "The same counts and seed give the same data.")
    p.add_argument("--customers", type=int, default=1000)
    p.add_argument("--deals", type=int, default=2000, help="each with its dated stage history")
    p.add_argument("--activities", type=int, default=3000)
    p.add_argument("--contacts", type=int, default=0)
    p.add_argument("--seed", type=int, default=1, help="same seed, same data")
    p.add_argument("--reference", type=_date, default=REFERENCE_DATE, metavar="YYYY-MM-DD",
                   help=f"the data's today (default {REFERENCE_DATE.isoformat()})")
    add_profile_arg(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from app.cli import profile_store
    from app.seed import check_request, seed_profile

    # Refuse bad counts before a profile directory is created for them.
    check_request(customers=args.customers, deals=args.deals, activities=args.activities,
                  contacts=args.contacts)
    store = profile_store(args)
    try:
        report = seed_profile(store, customers=args.customers, deals=args.deals, activities=args.activities,
                              contacts=args.contacts, seed=args.seed, reference=args.reference)
    finally:
        store.close()
    print(report)
    return 0
