#!/usr/bin/env python3
"""LTC Desk: `python main.py` opens the desktop client; `python main.py --help` lists the commands."""
import sys


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "server":
        # The server is deployable alone; app/ never imports it.
        from server.cli import main as server_main

        return server_main(argv[1:])
    if argv and argv[0] in ("login", "sync"):
        from sync.cli import main as sync_main

        return sync_main(argv[0], argv[1:])
    from app.cli import build_parser, run

    code = run(argv)
    if code is not None:
        return code
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        print("main.py demo: the demo needs the embedded server, which is not available in this version yet",
              file=sys.stderr)
        return 2
    from app.paths import default_profile_dir
    from ui.app import run_client

    return run_client(args.profile or default_profile_dir())


if __name__ == "__main__":
    sys.exit(main())
