#!/usr/bin/env python3
"""LTC Desk: `python main.py` opens the desktop client; `python main.py --help` lists the commands."""
import sys


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "--self-test":
        return self_test()
    if argv and argv[0] == "server":
        # The server is deployable alone; app/ never imports it.
        from server.cli import main as server_main

        return server_main(argv[1:])
    from app.logs import setup_logging

    setup_logging("cli")  # the desktop client moves to its own file (ui/app.py)
    if argv and argv[0] in ("login", "sync"):
        from sync.cli import main as sync_main

        return sync_main(argv[0], argv[1:])
    from app.cli import build_parser, run

    code = run(argv)
    if code is not None:
        return code
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        from server.demo import PASSWORD, start_demo
        from ui.demo import run_demo

        return run_demo(start_demo, args.as_user, PASSWORD)
    from app.paths import default_profile_dir
    from ui.app import run_client

    return run_client(args.profile or default_profile_dir())


def self_test() -> int:
    """`main.py --self-test`: the installation checked end to end against an embedded server."""
    import logging

    from app.logs import setup_logging
    from ui.self_test import run_self_test

    def start_server():
        # Imported when needed, so the window's start-up is measured without the server's.
        from server.embedded import start_embedded

        return start_embedded()

    path = setup_logging("self-test", console_level=None)
    code = run_self_test(start_server)
    if code and path:
        print(f"the details are in {path}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
