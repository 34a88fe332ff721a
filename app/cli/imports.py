"""`import ENTITY FILE` / `import --dir DIR --mapping SET`: CSV and XLSX into the profile.

    import ENTITY FILE [--mapping FILE] [--dry-run] [--encoding ENC] [--sheet NAME]
           [--mode all|valid] [--decisions FILE] [--rejected DIR] [--template FILE] [--json]
    import --dir DIR --mapping SET [same options]
    import --log [RUN_ID]

Decisions the data needs are printed as sentences with a template decisions file; the
command then exits 1 without writing anything until they are answered (--decisions).
"""
from __future__ import annotations

import json
import sys

MODES = {"all": "all_or_nothing", "valid": "valid_rows"}


def register(sub) -> None:
    from app.cli import add_profile_arg

    p = sub.add_parser(
        "import", help="import CSV or XLSX files (one entity, or a directory with a mapping set)",
        description="Import a CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) or XLSX file into ENTITY, or a directory "
                    "of files with a mapping set. Every row is validated with the shared rules and written "
                    "through the services (audited, queued for sync). Defects in the data come back as "
                    "decisions to answer with --decisions FILE; nothing is written while one is open.")
    p.add_argument("entity", nargs="?", help="what the file holds: customer, contact, lead, deal, product, ...")
    p.add_argument("file", nargs="?", help="the CSV or XLSX file")
    p.add_argument("--dir", metavar="DIR", help="import a directory of files with a mapping set (--mapping)")
    p.add_argument("--mapping", metavar="FILE", help="a mapping (or, with --dir, a mapping set) JSON file; "
                                                     "without it, columns named like fields are imported")
    p.add_argument("--dry-run", action="store_true", help="plan and report, write nothing")
    p.add_argument("--encoding", metavar="ENC", help="the files' encoding (default: detected): utf-8, gbk, ...")
    p.add_argument("--sheet", metavar="NAME", help="the XLSX sheet (default: the first)")
    p.add_argument("--mode", choices=sorted(MODES), default="all",
                   help="all: everything or nothing (default); valid: the valid rows, rejected ones to a file")
    p.add_argument("--decisions", metavar="FILE", help="answers to the import's decisions (JSON)")
    p.add_argument("--template", metavar="FILE", help="write the decisions template to FILE instead of printing it")
    p.add_argument("--rejected", metavar="DIR", help="where to write rejected rows (default: the profile's imports/)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--log", nargs="?", const="", metavar="RUN_ID",
                   help="list past imports, or show one run in full")
    add_profile_arg(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from app.cli import UsageError, profile_store
    from app.imports import ImportSource, load_answers, run_import

    if args.log is not None:
        if args.entity or args.file or args.dir:
            raise UsageError("import --log takes only an optional RUN_ID")
        return _show_log(args, profile_store(args))
    if args.dir:
        if args.entity or args.file:
            raise UsageError("give either ENTITY FILE or --dir DIR, not both")
        if not args.mapping:
            raise UsageError("--dir needs --mapping SET (a mapping set naming each file)")
    elif not (args.entity and args.file):
        raise UsageError("give ENTITY FILE, or --dir DIR --mapping SET")
    answers = load_answers(args.decisions) if args.decisions else {}
    if args.dir:
        source = ImportSource.for_directory(args.dir, args.mapping, encoding=args.encoding)
    else:
        from app.rules.schema import entity_names

        if args.entity not in entity_names():
            raise UsageError(f"unknown entity {args.entity!r}; known: {', '.join(entity_names())}")
        source = ImportSource.for_file(args.entity, args.file, args.mapping, encoding=args.encoding,
                                       sheet=args.sheet)
    store = profile_store(args)
    try:
        result = run_import(store, source, answers, mode=MODES[args.mode], dry_run=args.dry_run,
                            progress=_progress if sys.stderr.isatty() else None, rejected_dir=args.rejected)
    finally:
        store.close()
    return _report(args, result)


def _progress(phase: str, done: int, total: int) -> None:
    print(f"\r{phase} {done:,}/{total:,}   ", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _report(args, result) -> int:
    from app.imports import template

    open_decisions = result.open_decisions
    tmpl = template(result.decisions) if (open_decisions or result.bad_answers) else None
    if tmpl is not None and args.template:
        with open(args.template, "w", encoding="utf-8") as f:
            json.dump(tmpl, f, ensure_ascii=False, indent=2)
    if args.json:
        out = result.as_dict()
        if tmpl is not None and not args.template:
            out["template"] = tmpl
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        _print_human(result, tmpl, args)
    if result.status in ("committed", "dry_run"):
        return 0
    print(f"error: {result.message}", file=sys.stderr)
    return 1


def _print_human(result, tmpl, args) -> None:
    from app.imports import encodings

    for s in result.steps:
        p = s["plan"]
        what = f"{s['name']}: {s['rows']:,} rows of {s['entity']} ({s['format']}" + \
            (f", {encodings.label(s['encoding'])})" if s["encoding"] else ")")
        if s["skipped_step"]:
            print(f"{what}: skipped: {s['skipped_step']}")
            continue
        if result.status == "committed":
            parts = [f"{s['created']:,} created", f"{s['updated']:,} updated", f"{p['unchanged']:,} unchanged"]
            rejected = p["reject"] + s["failed"]
        else:
            parts = [f"{p['create']:,} to create", f"{p['update']:,} to update", f"{p['unchanged']:,} unchanged"]
            rejected = p["reject"]
        if rejected:
            parts.append(f"{rejected:,} rejected")
        if p["skip"]:
            parts.append(f"{p['skip']:,} skipped by decision")
        if p["undecided"]:
            parts.append(f"{p['undecided']:,} waiting for a decision")
        print(f"{what}: {', '.join(parts)}")
    for extra in result.extras:
        if "id" in extra:
            print(f"created by a decision: {extra['label']} ({extra['id']})")
    if result.rejected_dir:
        print(f"rejected and skipped rows, with their reasons: {result.rejected_dir}")
    if result.bad_answers:
        print("\nAnswers that cannot be used:")
        for key, why in result.bad_answers.items():
            print(f"  {key}: {why}")
    if result.open_decisions:
        print(f"\nDecisions needed ({len(result.open_decisions)}):")
        for i, d in enumerate(result.open_decisions, start=1):
            print(f"  {i}. {d.question()}\n     key: {d.key}")
    if tmpl is not None:
        if args.template:
            print(f"\nA decisions template is in {args.template}: fill in each \"answer\" and run again "
                  f"with --decisions {args.template}")
        else:
            print("\nDecisions template (save it, fill in each \"answer\", run again with --decisions FILE):")
            print(json.dumps(tmpl, ensure_ascii=False, indent=2))
    print(f"{result.status}: {result.message} ({result.elapsed_s:.1f} s; run {result.run_id})")


def _show_log(args, store) -> int:
    from app.errors import NotFound
    from app.imports import log

    try:
        if args.log:
            run = log.run(store, args.log)
            if run is None:
                raise NotFound(f"no import run {args.log}")
            print(json.dumps(run, ensure_ascii=False, indent=2))
            return 0
        runs = log.runs(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(runs, ensure_ascii=False, indent=2))
        return 0
    for r in runs:
        flag = " (dry run)" if r["dry_run"] else ""
        print(f"{r['started_at']}  {r['id']}  {r['status']}{flag}  {r['mapping_name'] or ''}  {r['source']}")
        if r["message"]:
            print(f"    {r['message']}")
    return 0
