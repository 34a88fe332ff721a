"""`seed --customers N --deals N --activities N [--seed S]`: realistic generated data."""
from __future__ import annotations


def register(sub) -> None:
    from app.cli import add_profile_arg

    p = sub.add_parser("seed", help="fill a profile with realistic generated data (demos, benchmarks)")
    p.add_argument("--customers", type=int, default=1000)
    p.add_argument("--deals", type=int, default=2000)
    p.add_argument("--activities", type=int, default=3000)
    p.add_argument("--seed", type=int, default=1, help="same seed, same data")
    add_profile_arg(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from app.cli import profile_store
    from app.seed import seed_profile

    store = profile_store(args)
    try:
        report = seed_profile(store, customers=args.customers, deals=args.deals,
                              activities=args.activities, seed=args.seed)
    finally:
        store.close()
    print(report)
    return 0
