"""Questions an import puts to the user, and their answers.

A file's defects are never silently created, renamed or dropped: an unknown vocabulary
value, a name that matches no record, a missing reference, a required value the source
does not have, a new record that looks like an existing one. Each distinct case becomes
one Decision covering all the rows it affects; the plan holds those rows until it is
answered. Answers are plain data (a decisions file, or the wizard):

    {"decisions": {"<key>": {"action": "map", "value": "technology"}, ...}}

with the short forms "reject", "empty", "create", "map:VALUE", "set:VALUE" and
"placeholder:NAME" accepted too.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import ValidationError
from app.imports.errors import MappingProblem

DECISIONS_FORMAT = "ltc-desk-import-decisions"
ACTIONS = ("map", "empty", "reject", "create", "placeholder", "set", "link")


@dataclass
class Decision:
    key: str
    kind: str              # unknown_value | unknown_reference | missing_reference | missing_value | duplicate
    step: str
    entity: str            # what the step imports
    field: str
    column: str | None     # where the value came from
    value: str | None      # the source text (None when missing)
    target: str | None     # vocabulary, or referenced entity
    options: tuple[str, ...]
    suggestion: dict | None = None   # a likely answer, never applied unasked
    default: dict | None = None      # the mapping's proposed answer (pre-filled in templates)
    detail: str | None = None
    rows: int = 0
    lines: list[int] = field(default_factory=list)
    answer: dict | None = None

    @property
    def open(self) -> bool:
        return self.answer is None

    def count(self, line: int) -> None:
        self.rows += 1
        if len(self.lines) < 10:
            self.lines.append(line)

    def question(self) -> str:
        """The decision as one sentence, with the rows it affects."""
        rows = f"{self.rows:,} row{'s' if self.rows != 1 else ''} of {self.step}"
        where = f" in column “{self.column}”" if self.column else ""
        opts = self._option_text()
        if self.kind == "unknown_value":
            return f"unknown {self.target} “{self.value}”{where} ({rows}): {opts}"
        if self.kind == "unknown_reference":
            return f"unknown {self.target} “{self.value}”{where} ({rows}){self._detail()}: {opts}"
        if self.kind == "missing_reference":
            empty = f", column “{self.column}” empty" if self.column else ""
            return f"{self.entity}s without {_a(self.target)} ({rows}{empty}): {opts}"
        if self.kind == "missing_value":
            return f"no {self.field} ({rows}; it {self.detail or 'is required'}): {opts}"
        if self.kind == "duplicate":
            return f"new {self.entity} “{self.value}” looks like an existing one ({self.detail}; {rows}): {opts}"
        return f"{self.key} ({rows}): {opts}"

    def _detail(self) -> str:
        return f"; {self.detail}" if self.detail else ""

    def _option_text(self) -> str:
        hint = ""
        if self.suggestion and self.suggestion.get("value") is not None:
            hint = f" (closest: “{self.suggestion['value']}”)"
        texts = {
            "map": (f"map it to {_a(self.target)} code{hint}" if self.kind == "unknown_value"
                    else f"map it to an existing {self.target}{hint}" if self.kind == "unknown_reference"
                    else f"attach them to {_a(self.target)} you choose"),
            "empty": "leave it empty",
            "reject": "reject the rows",
            "create": f"create a new {self.target}" if self.kind != "duplicate" else f"create a new {self.entity} anyway",
            "placeholder": f"create a placeholder {self.target}",
            "set": "set a value" + (f" (proposed: “{self.default['value']}”)" if self.default else ""),
            "link": "update the existing one",
        }
        parts = [texts[o] for o in self.options]
        return ", ".join(parts[:-1]) + (" or " if len(parts) > 1 else "") + parts[-1]

    def template_entry(self) -> dict:
        entry = {"question": self.question(), "options": list(self.options), "rows": self.rows,
                 "first_lines": self.lines, "answer": self.answer or self.default}
        if self.suggestion:
            entry["suggestion"] = self.suggestion
        return entry

    def as_dict(self) -> dict:
        return {"key": self.key, "kind": self.kind, "step": self.step, "entity": self.entity,
                "field": self.field, "column": self.column, "value": self.value, "target": self.target,
                "options": list(self.options), "suggestion": self.suggestion, "default": self.default,
                "detail": self.detail, "rows": self.rows, "lines": self.lines, "answer": self.answer,
                "question": self.question()}


def _a(noun: str | None) -> str:
    noun = noun or ""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def parse_answer(raw) -> dict:
    """An answer in its long form {"action", "value"?, "values"?}."""
    if isinstance(raw, str):
        action, _, value = raw.partition(":")
        raw = {"action": action.strip()}
        if value:
            raw["value"] = value.strip()
    if not isinstance(raw, dict) or raw.get("action") not in ACTIONS:
        raise ValueError(f"an answer is one of {', '.join(ACTIONS)} (with a value for map, set and placeholder)")
    if raw["action"] in ("map", "set", "placeholder") and raw.get("value") in (None, ""):
        raise ValueError(f"{raw['action']} needs a value")
    return {k: raw[k] for k in ("action", "value", "values") if k in raw}


def parse_answers(raw: dict | None) -> dict[str, dict]:
    """Answers keyed by decision key; a null answer means still undecided. ValidationError
    (per key) for answers that are not understood."""
    if not raw:
        return {}
    if "decisions" in raw and isinstance(raw["decisions"], dict):
        raw = raw["decisions"]
    answers, errors = {}, {}
    for key, value in raw.items():
        if isinstance(value, dict) and "answer" in value and "action" not in value:
            value = value["answer"]  # an entry of a filled-in template
        if value is None:
            continue
        try:
            answers[key] = parse_answer(value)
        except ValueError as exc:
            errors[key] = str(exc)
    if errors:
        raise ValidationError(errors, "some decisions are not understood: " +
                              "; ".join(f"{k}: {v}" for k, v in errors.items()))
    return answers


def load_answers(path: Path | str) -> dict[str, dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise MappingProblem(f"no decisions file {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MappingProblem(f"{Path(path).name} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise MappingProblem(f"{Path(path).name}: decisions are a JSON object")
    return parse_answers(data)


def template(decisions: list[Decision]) -> dict:
    """A decisions file to fill in: every decision with its question, options and the
    mapping's proposed answer (or null)."""
    return {"format": DECISIONS_FORMAT, "version": 1,
            "decisions": {d.key: d.template_entry() for d in decisions}}
