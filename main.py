#!/usr/bin/env python3
"""LTC Desk: `python main.py` opens the desktop client; `python main.py --help` lists the commands."""
import sys


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("login", "sync"):
        from sync.cli import main as sync_main

        return sync_main(argv[0], argv[1:])
    from app.cli import run

    code = run(argv)
    if code is not None:
        return code
    print("The desktop client is not available in this version yet; see `python main.py --help`.",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
