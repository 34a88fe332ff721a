"""The data dictionary as files other systems can adopt: the vocabularies and named
numbers as CSV (one row per code), and the whole standard (vocabularies plus every
entity's fields, types, required flags and rules) as Markdown."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from app.rules.dictionary import NUMBERS, Dictionary
from app.rules.schema import describe

CSV_COLUMNS = ("vocabulary", "code", "label_en", "label_zh", "value", "active", "sort_order")
# The entities of the chain, first in the Markdown (the rest follow alphabetically).
MAIN = ("customer", "contact", "lead", "deal", "activity", "quote", "order", "invoice", "payment")


def _entries(dictionary: Dictionary) -> list[dict]:
    return sorted(dictionary.entries, key=lambda e: (e["vocabulary"], e.get("sort_order") or 0, e["code"]))


def vocabularies_csv(dictionary: Dictionary) -> str:
    """Every entry, active or not, one row each (UTF-8 text; `active` as true/false)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in _entries(dictionary):
        writer.writerow([e["vocabulary"], e["code"], e.get("label_en") or "", e.get("label_zh") or "",
                         "" if e.get("value") is None else e["value"], "true" if e.get("active", True) else "false",
                         e.get("sort_order") or 0])
    return out.getvalue()


def _cell(value) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def markdown(dictionary: Dictionary) -> str:
    """The data standard as one Markdown document."""
    described = describe(dictionary)
    lines = ["# LTC Desk data dictionary", "",
             f"Protocol version {described['protocol']}. Money is an integer in minor units beside an ISO 4217 "
             "`currency`; dates are `YYYY-MM-DD`, timestamps ISO 8601 UTC (`YYYY-MM-DDTHH:MM:SSZ`); phones "
             "E.164; credit codes are China's unified social credit code (18 characters, check character).", "",
             "## Vocabularies", ""]
    by_vocab: dict[str, list[dict]] = {}
    for e in _entries(dictionary):
        by_vocab.setdefault(e["vocabulary"], []).append(e)
    for vocabulary, entries in by_vocab.items():
        lines += [f"### `{vocabulary}`", ""]
        numbers = vocabulary in NUMBERS
        if numbers:
            low, high = NUMBERS[vocabulary]
            lines += [f"Named numbers: value {low} to {high}." if high is not None
                      else f"Named numbers: value at least {low}.", ""]
        head = ["code", "English", "中文"] + (["value"] if numbers else []) + ["active"]
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for e in entries:
            row = [f"`{e['code']}`", _cell(e.get("label_en")), _cell(e.get("label_zh"))]
            row += [_cell(e.get("value"))] if numbers else []
            row += ["yes" if e.get("active", True) else "no"]
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    lines += ["## Entities", ""]
    entities = described["entities"]
    for name in [*(n for n in MAIN if n in entities), *sorted(n for n in entities if n not in MAIN)]:
        lines += [f"### `{name}`", ""]
        writers = entities[name]["writers"]
        if writers:
            lines += [f"Written only by: {', '.join(writers)}.", ""]
        lines += ["| field | type | required | rule |", "|---|---|---|---|"]
        for field, spec in entities[name]["fields"].items():
            rules = []
            if spec.get("max_length"):
                rules.append(f"at most {spec['max_length']} characters")
            if spec.get("vocab"):
                rules.append(f"a code of `{spec['vocab']}`")
            if spec.get("choices"):
                rules.append("one of " + ", ".join(f"`{c}`" for c in spec["choices"]))
            if spec.get("ref"):
                rules.append(f"id of a `{spec['ref']}`")
            if spec.get("norm"):
                rules.append(f"normalised {spec['norm']}")
            if spec.get("min") is not None:
                rules.append(f"≥ {spec['min']}")
            if spec.get("max") is not None:
                rules.append(f"≤ {spec['max']}")
            if spec.get("roles"):
                rules.append("set by " + ", ".join(spec["roles"]))
            if spec.get("read_only"):
                rules.append("kept by the server")
            lines.append(f"| `{field}` | {spec['type']} | {'yes' if spec['required'] else ''} | "
                         f"{_cell('; '.join(rules))} |")
        lines.append("")
    return "\n".join(lines)


def export(dictionary: Dictionary, path: Path | str) -> Path:
    """Write the dictionary to `path`: Markdown for .md, CSV otherwise (UTF-8 with a BOM,
    so spreadsheet programs read the Chinese labels right)."""
    path = Path(path)
    if path.suffix.lower() in (".md", ".markdown"):
        path.write_text(markdown(dictionary), encoding="utf-8")
    else:
        path.write_text(vocabularies_csv(dictionary), encoding="utf-8-sig")
    return path
