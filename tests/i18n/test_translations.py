"""The Chinese catalogue is complete and current: lupdate over the sources finds nothing
new, unfinished or obsolete, every string is looked up under the context the code uses
at run time, and the compiled .qm is the .ts's."""
from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui import catalogue

HOW_TO_FIX = ("run `make translations`, then translate the unfinished strings in "
              "resources/translations/ltc_zh_CN.ts (pyside6-linguist, or by hand) and run it again")


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _problems(ts: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"new or unfinished": [], "obsolete": []}
    for context, message in _messages(ts):
        translation = message.find("translation")
        kind = translation.get("type")
        source = message.findtext("source")
        where = f"{context}: {source!r}"
        if kind in ("vanished", "obsolete"):
            found["obsolete"].append(where)
            continue
        forms = [f.text for f in translation.iter("numerusform")] if message.get("numerus") == "yes" else [
            translation.text]
        if kind == "unfinished" or not all(f and f.strip() for f in forms):
            found["new or unfinished"].append(where)
    return {k: v for k, v in found.items() if v}


@pytest.fixture(scope="module")
def updated_ts(tmp_path_factory) -> Path:
    """A copy of the committed .ts brought up to date with the sources by lupdate."""
    copy = tmp_path_factory.mktemp("ts") / catalogue.TS.name
    shutil.copyfile(catalogue.TS, copy)
    catalogue.lupdate(copy)
    return copy


def test_the_label_catalogue_is_current():
    assert catalogue.LABELS_FILE.read_text(encoding="utf-8") == catalogue.labels_source(), (
        "ui/label_catalogue.py is behind the labels in app/queries, FieldDef or ui.formatting's name tables: "
        + HOW_TO_FIX)


def test_no_string_is_new_unfinished_or_obsolete_in_chinese(updated_ts):
    problems = _problems(updated_ts)
    if problems:
        lines = [f"{kind} ({len(items)}):\n  " + "\n  ".join(items) for kind, items in problems.items()]
        pytest.fail("the zh_CN catalogue is not complete: " + HOW_TO_FIX + "\n" + "\n".join(lines))


def test_the_compiled_catalogue_is_the_ts_compiled(tmp_path):
    qm = tmp_path / "check.qm"
    catalogue.lrelease(catalogue.TS, qm)
    assert qm.read_bytes() == catalogue.QM.read_bytes(), "ltc_zh_CN.qm is stale: " + HOW_TO_FIX


def test_placeholders_and_accelerators_survive_translation():
    bad = []
    for context, message in _messages(catalogue.TS):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            continue  # reported by the completeness test
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        wanted = sorted(re.findall(r"%(?:\d|n)", source))
        for text in forms:
            if sorted(re.findall(r"%(?:\d|n)", text)) != wanted:
                bad.append(f"{context}: {source!r} -> {text!r} (placeholders)")
            if re.search(r"&\w", source) and not re.search(r"&\w", text):
                bad.append(f"{context}: {source!r} -> {text!r} (the & shortcut is missing)")
    assert not bad, "\n".join(bad)


def _code_contexts() -> tuple[set[str], dict[str, list[str]], set[str]]:
    """Contexts the code translates with at run time: its classes, the explicit contexts
    of translate() and QT_TRANSLATE_NOOP(), and Qt classes used as `QLineEdit.tr(...)`;
    with the subclasses of each class and the classes that call self.tr."""
    contexts: set[str] = set()
    subclasses: dict[str, list[str]] = {}
    calling_self_tr: set[str] = set()
    for path in catalogue.sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                contexts.add(node.name)
                for base in node.bases:
                    name = getattr(base, "id", None) or getattr(base, "attr", None)
                    subclasses.setdefault(name, []).append(node.name)
                for inner in ast.walk(node):
                    func = getattr(inner, "func", None)
                    if isinstance(inner, ast.Call) and isinstance(func, ast.Attribute) and func.attr == "tr" \
                            and isinstance(func.value, ast.Name) and func.value.id == "self":
                        calling_self_tr.add(node.name)
            elif isinstance(node, ast.Call):
                func = node.func
                name = getattr(func, "id", None) or getattr(func, "attr", None)
                if name in ("translate", "QT_TRANSLATE_NOOP") and node.args and isinstance(node.args[0], ast.Constant):
                    contexts.add(node.args[0].value)
                elif name == "tr" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                        and func.value.id[:1].isupper():
                    # QLineEdit.tr("..."): looked up under "QLineEdit". A variable's tr
                    # (dialog.tr) is looked up under its object's class, not its name.
                    contexts.add(func.value.id)
    return contexts, subclasses, calling_self_tr


def test_every_catalogue_context_is_one_the_code_translates_with(updated_ts):
    """lupdate files a string under a context it guesses from the code; a wrong guess (a
    helper named tr, a translate alias inside a function) leaves it untranslated on screen."""
    contexts, _subclasses, _callers = _code_contexts()
    strays = sorted({f"{ctx or '(no context)'}: {message.findtext('source')!r}"
                     for ctx, message in _messages(updated_ts) if ctx not in contexts})
    assert not strays, ("these strings are filed under a context the code never uses; call "
                        "QCoreApplication.translate('Context', 'text') with literal arguments:\n  "
                        + "\n  ".join(strays))


def test_classes_with_subclasses_translate_with_an_explicit_context():
    """PySide6's self.tr looks strings up under the runtime class's name, so a base class's
    self.tr finds nothing for its subclasses' instances."""
    _contexts, subclasses, callers = _code_contexts()
    wrong = sorted(f"{name} (subclassed by {', '.join(subclasses[name])})" for name in callers if name in subclasses)
    assert not wrong, ("use QCoreApplication.translate('<Class>', ...) instead of self.tr in: " + ", ".join(wrong))


def test_no_plural_is_translated_inside_an_f_string():
    places = catalogue.fstring_plurals()
    assert not places, "move these tr(text, '', n) calls out of their f-strings (lupdate skips f-strings): " + \
        ", ".join(places)
