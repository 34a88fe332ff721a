"""Keeping the translation catalogue current (a developer's tool; the client never runs it):

    .venv/bin/python -m ui.catalogue [--keep-obsolete]      (or `make translations`)

1. writes ui/label_catalogue.py: texts the screens translate from variables, marked with
   QT_TRANSLATE_NOOP so lupdate sees them: the labels of the lists in app/queries (app/
   has no Qt) and of the form fields (FieldDef), in the "Labels" context that
   ui.formatting.label translates with; the values of ui.formatting's name tables in
   theirs (Stage, Status, ActivityKind); the literal texts given to a module's one-line
   helper `def _t(text): return QCoreApplication.translate("Ctx", text)`, in its context;
   literal `self.tr("...")` calls written inside f-strings (lupdate skips f-strings).
   Whatever is added to those later is picked up here, and the test notices when this
   file is behind;
2. runs pyside6-lupdate over ui/ into resources/translations/ltc_zh_CN.ts, keeping every
   existing translation (new strings arrive "unfinished" for a translator to fill in)
   and dropping those of texts the code no longer has;
3. compiles the .qm with pyside6-lrelease.

tests/i18n/test_translations.py fails while anything is new, unfinished or obsolete.
"""
from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "ltc_zh_CN.ts"
QM = TRANSLATIONS / "ltc_zh_CN.qm"
LABELS_FILE = ROOT / "ui" / "label_catalogue.py"
LABELS_CONTEXT = "Labels"
SOURCE_DIRS = ("ui",)


def tool(name: str) -> str:
    """The path of a Qt tool that comes with PySide6 (pyside6-lupdate, pyside6-lrelease)."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[Path]:
    """Every Python file whose strings are translated."""
    return sorted(p for d in SOURCE_DIRS for p in (ROOT / d).rglob("*.py") if "__pycache__" not in p.parts)


# Calls in ui/ whose positional argument at this index is a label shown through formatting.label().
LABEL_CALLS = {"FieldDef": 1}
# ui.formatting's name tables and the contexts their values are translated in.
NAME_TABLES = {"STAGE_NAMES": "Stage", "STATUS_NAMES": "Status", "KIND_NAMES": "ActivityKind"}


def list_labels() -> list[str]:
    """The column and saved-filter labels of every list spec in app.queries."""
    import app.queries
    from app.queries.listing import ListSpec

    out = []
    for info in sorted(pkgutil.iter_modules(app.queries.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"app.queries.{info.name}")
        for value in vars(module).values():
            if isinstance(value, ListSpec):
                out += [item.label for item in (*value.columns, *value.filters)]
    return out


def field_labels() -> list[str]:
    """The literal labels given to LABEL_CALLS anywhere in ui/."""
    out = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                index = LABEL_CALLS.get(name)
                if index is not None and len(node.args) > index:
                    arg = node.args[index]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                        out.append(arg.value)
    return out


def _helper_context(node: ast.FunctionDef) -> str | None:
    """The context of a one-line helper `def _t(text): return QCoreApplication.translate("Ctx", text)`."""
    body = [n for n in node.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    params = [a.arg for a in node.args.args]
    if len(body) != 1 or not isinstance(body[0], ast.Return) or len(params) != 1:
        return None
    call = body[0].value
    name = getattr(getattr(call, "func", None), "attr", None) or getattr(getattr(call, "func", None), "id", None)
    if not isinstance(call, ast.Call) or name != "translate" or len(call.args) != 2:
        return None
    context, text = call.args
    if isinstance(context, ast.Constant) and isinstance(text, ast.Name) and text.id == params[0]:
        return context.value
    return None


def _literals(node) -> list[str]:
    """The literal strings an argument can be: "x", or either branch of `"a" if c else "b"`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if node.value else []
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def helper_texts() -> list[tuple[str, str]]:
    """(context, text) of literal calls to each module's translation helper (see _helper_context):
    lupdate reads `_t("Edit customer")` as nothing, the helper translates it in "CustomerEditor"."""
    out = []
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helpers = {n.name: ctx for n in tree.body if isinstance(n, ast.FunctionDef)
                   for ctx in [_helper_context(n)] if ctx}
        if not helpers:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers \
                    and node.args:
                out += [(helpers[node.func.id], text) for text in _literals(node.args[0])]
    return out


def fstring_texts() -> list[tuple[str, str]]:
    """(context, text) of literal `self.tr("...")` / `QWidget.tr("...")` calls written inside
    f-strings, which lupdate does not look into; self.tr's context is the enclosing class."""
    out = []
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            for node in ast.walk(cls):
                if not isinstance(node, ast.JoinedStr):
                    continue
                for call in ast.walk(node):
                    func = getattr(call, "func", None)
                    if not (isinstance(call, ast.Call) and isinstance(func, ast.Attribute) and func.attr == "tr"
                            and isinstance(func.value, ast.Name) and call.args and len(call.args) < 3):
                        continue
                    if func.value.id == "self" and isinstance(cls, ast.ClassDef):
                        context = cls.name
                    elif func.value.id != "self":
                        context = func.value.id
                    else:
                        continue
                    out += [(context, text) for text in _literals(call.args[0])]
    return out


def fstring_plurals() -> list[str]:
    """Where a plural (`tr(text, "", n)`) is written inside an f-string: lupdate cannot see it
    and QT_TRANSLATE_NOOP cannot mark a plural, so it must move out of the f-string."""
    out = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    name = getattr(getattr(call, "func", None), "attr", None)
                    if isinstance(call, ast.Call) and name in ("tr", "translate") and len(call.args) >= 3:
                        out.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    return out


def entries() -> list[tuple[str, str]]:
    """(context, text) of every text translated from a variable, in a stable order, once each."""
    from ui import formatting

    found = [(LABELS_CONTEXT, text) for text in sorted(set(list_labels()) | set(field_labels()))]
    for table, context in NAME_TABLES.items():
        found += [(context, text) for text in getattr(formatting, table).values()]
    found += sorted(set(helper_texts()))
    found += sorted(set(fstring_texts()))
    return list(dict.fromkeys(found))


def labels_source() -> str:
    """The text of ui/label_catalogue.py for the current definitions."""
    lines = [
        '"""Generated by `python -m ui.catalogue` (make translations): texts the screens translate',
        "from variables, marked for lupdate. Do not edit; tests/i18n checks that it is current.\"\"\"",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "ENTRIES = (",
    ]
    lines += [f"    QT_TRANSLATE_NOOP({json.dumps(context)}, {json.dumps(text, ensure_ascii=False)})," for context, text
              in entries()]
    lines += [")", ""]
    return "\n".join(lines)


def lupdate(ts: Path, *, drop_obsolete: bool = False) -> str:
    """Merge the sources' strings into `ts` (existing translations kept); returns lupdate's report."""
    args = [tool("pyside6-lupdate"), *map(str, sources()), "-locations", "none", "-source-language", "en",
            "-target-language", "zh_CN", "-ts", str(ts)]
    if drop_obsolete:
        args.insert(1, "-no-obsolete")
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"pyside6-lupdate failed: {done.stderr or done.stdout}")
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> str:
    done = subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"pyside6-lrelease failed: {done.stderr or done.stdout}")
    return done.stdout + done.stderr


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    LABELS_FILE.write_text(labels_source(), encoding="utf-8")
    # Texts gone from the code leave the catalogue (git keeps their old translations).
    print(lupdate(TS, drop_obsolete="--keep-obsolete" not in argv).strip())
    print(lrelease(TS, QM).strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
