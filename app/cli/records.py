"""`records list|show|add|edit|delete ENTITY [ID] [field=value ...] [--json]`."""
from __future__ import annotations

import sys
import unicodedata

import orjson

from app.errors import ValidationError
from app.rules.schema import entity_names, entity_spec
from app.services import records

SUMMARY = {
    "customer": ("name", "phone", "industry", "status"),
    "contact": ("name", "customer_id", "phone", "email"),
    "lead": ("company_name", "contact_name", "status", "source"),
    "deal": ("name", "stage", "amount_minor", "currency", "expected_close"),
    "activity": ("kind", "subject", "due_at", "done_at"),
    "invoice": ("number", "status", "total_minor", "currency", "due_on"),
    "payment": ("received_on", "amount_minor", "currency", "method"),
    "quote": ("deal_id", "revision", "status", "total_minor", "currency"),
    "order": ("number", "status", "total_minor", "currency"),
}
TRUE = {"true", "yes", "1", "y", "on"}
FALSE = {"false", "no", "0", "n", "off"}


def register(sub) -> None:
    from app.cli import add_profile_arg

    p = sub.add_parser("records", help="list, show, add, edit or delete records through the services")
    p.add_argument("action", choices=("list", "show", "add", "edit", "delete"))
    p.add_argument("entity", help=f"one of: {', '.join(entity_names())}")
    p.add_argument("args", nargs="*", metavar="[ID] [field=value]")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--limit", type=int, default=200, help="list at most this many (0: all)")
    p.add_argument("--allow-duplicate", action="store_true",
                   help="create even if it looks like an existing record")
    add_profile_arg(p)
    p.set_defaults(handler=run)


def parse_assignments(entity: str, items: list[str]) -> dict:
    """`field=value` strings as typed values; every problem reported at once."""
    spec = entity_spec(entity)
    values, errors = {}, {}
    for item in items:
        if "=" not in item:
            errors[item] = "expected field=value"
            continue
        name, text = item.split("=", 1)
        field = spec.fields.get(name)
        if field is None:
            errors[name] = f"is not a field of {entity}"
            continue
        try:
            values[name] = parse_text(field.type, text)
        except ValueError as exc:
            errors[name] = str(exc)
    if errors:
        raise ValidationError(errors)
    return values


def parse_text(kind: str, text: str):
    if text == "":
        return None
    if kind == "integer":
        try:
            return int(text.replace("_", ""))
        except ValueError:
            raise ValueError(f"must be a whole number, not {text!r}") from None
    if kind == "boolean":
        low = text.lower()
        if low in TRUE:
            return True
        if low in FALSE:
            return False
        raise ValueError(f"must be true or false, not {text!r}")
    return text


def run(args) -> int:
    from app.cli import UsageError, profile_store

    if args.entity not in entity_names():
        raise UsageError(f"unknown entity {args.entity!r}; known: {', '.join(entity_names())}")
    needs_id = args.action in ("show", "edit", "delete")
    if needs_id and not args.args:
        raise UsageError(f"records {args.action} needs the record's ID")
    record_id = args.args[0] if needs_id else None
    rest = args.args[1:] if needs_id else args.args
    if args.action in ("show", "delete") and rest:
        raise UsageError(f"records {args.action} takes only an ID")
    values = parse_assignments(args.entity, rest)
    store = profile_store(args)
    try:
        if args.action == "list":
            with store.unit() as uow:
                rows = records.list_records(uow, args.entity, values, limit=args.limit or None)
            emit_list(args.entity, rows, args.json)
        elif args.action == "show":
            with store.unit() as uow:
                row = uow.get(args.entity, record_id, include_deleted=True)
                if row is None:
                    uow.require(args.entity, record_id)
                state = records.sync_state(uow, args.entity, record_id)
            emit_one(row, state, args.json)
        elif args.action == "add":
            if not values:
                raise UsageError("records add needs field=value pairs")
            row = store.run(records.add, args.entity, values, allow_duplicate=args.allow_duplicate)
            if args.json:
                print(dumps(row))
            print(row["id"])
        elif args.action == "edit":
            if not values:
                raise UsageError("records edit needs field=value pairs")
            row = store.run(records.edit, args.entity, record_id, values)
            print(dumps(row) if args.json else f"updated {args.entity} {record_id}")
        else:
            store.run(records.remove, args.entity, record_id)
            print(f"deleted {args.entity} {record_id}")
    finally:
        store.close()
    return 0


def dumps(value) -> str:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode()


def emit_one(row: dict, state: dict, as_json: bool) -> None:
    if as_json:
        print(dumps({**row, "sync": state}))
        return
    width = max(len(k) for k in row)
    for key, value in row.items():
        print(f"{key.ljust(width)}  {'' if value is None else value}")
    flags = [k for k in ("pending", "conflict", "rejected", "deleted") if state[k]]
    print(f"{'sync'.ljust(width)}  version {state['version']}; {', '.join(flags) or 'in sync'}")
    for problem in state["rejections"]:
        if problem:
            print(f"{''.ljust(width)}  rejected: {problem.get('message')}")


def emit_list(entity: str, rows: list[dict], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(orjson.dumps(rows).decode() + "\n")
        return
    columns = ("id",) + SUMMARY.get(entity, tuple(entity_spec(entity).data_fields())[:4])
    table = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [max([display_width(c)] + [display_width(row[i]) for row in table]) for i, c in enumerate(columns)]
    print("  ".join(pad(c, w) for c, w in zip(columns, widths)).rstrip())
    for row in table:
        print("  ".join(pad(v, w) for v, w in zip(row, widths)).rstrip())
    print(f"({len(rows)} {entity} record{'s' if len(rows) != 1 else ''})", file=sys.stderr)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))
