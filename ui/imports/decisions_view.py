"""The questions an import puts to the user (app.imports.decisions), one row each: what
was found and in how many rows, and the answer (map to…, leave empty, reject the rows,
create, a placeholder, set a value, update the existing one) as the decision offers."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.imports.decisions import parse_answer
from app.rules.schema import entity_spec

CHOOSE = ""


class DecisionRow(QFrame):
    """One decision: its question, an action and (for map, set and placeholder) a value."""

    def __init__(self, workspace, decision, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.decision = decision
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("decision")
        layout = QGridLayout(self)
        self.question = QLabel(self.text(), self)
        self.question.setWordWrap(True)
        self.question.setToolTip(decision.question())
        layout.addWidget(self.question, 0, 0, 1, 3)
        self.action = QComboBox(self)
        self.action.addItem(self.tr("— choose an answer —"), CHOOSE)
        for option in decision.options:
            self.action.addItem(self.option_text(option), option)
        self.value = QComboBox(self)
        self.value.setEditable(True)
        self.value.setMinimumContentsLength(24)
        self.value.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for code, shown in self.value_choices():
            self.value.addItem(shown, code)
        layout.addWidget(self.action, 1, 0)
        layout.addWidget(self.value, 1, 1)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem, 2, 0, 1, 3)
        layout.setColumnStretch(2, 1)
        proposal = decision.answer or decision.suggestion or decision.default
        if proposal and proposal.get("value") is not None:
            self.set_value(str(proposal["value"]))
        elif decision.kind == "missing_reference":
            self.value.setEditText(self.tr("(No %1)").replace("%1", self.noun(decision.target)))
        if decision.answer:
            self.action.setCurrentIndex(max(0, self.action.findData(decision.answer["action"])))
        self.action.currentIndexChanged.connect(lambda _i: self._show_value())
        self._show_value()

    # -- words ----------------------------------------------------------------------------
    def noun(self, name: str | None) -> str:
        nouns = {"customer": self.tr("customer"), "product": self.tr("product"), "user": self.tr("user"),
                 "deal": self.tr("deal"), "contact": self.tr("contact"), "lead": self.tr("lead"),
                 "industry": self.tr("industry"), "lead_source": self.tr("lead source"),
                 "lost_reason": self.tr("lost reason")}
        return nouns.get(name or "", name or "")

    def text(self) -> str:
        d = self.decision
        rows = self.tr("%n row(s) of %1", "", d.rows).replace("%1", d.step)
        column = self.tr(" in column “%1”").replace("%1", d.column) if d.column else ""
        if d.kind == "unknown_value":
            text = self.tr("Unknown %1 “%2”%3 (%4)")
        elif d.kind == "unknown_reference":
            text = self.tr("No single %1 is named “%2”%3 (%4)")
        elif d.kind == "missing_reference":
            text = self.tr("No %1 given%3 (%4)")
        elif d.kind == "missing_value":
            text = self.tr("No %1 given (%4)")
            return text.replace("%1", d.field).replace("%4", rows) + (f": {d.detail}" if d.detail else "")
        elif d.kind == "duplicate":
            text = self.tr("A new %1 “%2” looks like an existing one (%4)")
            return text.replace("%1", self.noun(d.entity)).replace("%2", d.value or "").replace("%4", rows) + \
                (f": {d.detail}" if d.detail else "")
        else:
            return d.question()
        out = text.replace("%1", self.noun(d.target)).replace("%2", d.value or "").replace("%3", column) \
            .replace("%4", rows)
        return out + (f"; {d.detail}" if d.detail else "")

    def option_text(self, option: str) -> str:
        target = self.noun(self.decision.target)
        return {"map": self.tr("Map it to…"), "empty": self.tr("Leave it empty"), "reject": self.tr("Reject the rows"),
                "create": self.tr("Create a new %1").replace("%1", self.noun(self.decision.entity))
                if self.decision.kind == "duplicate" else self.tr("Create a new %1").replace("%1", target),
                "placeholder": self.tr("Create a placeholder %1 named…").replace("%1", target),
                "set": self.tr("Set it to…"), "link": self.tr("Update the existing one")}.get(option, option)

    def value_choices(self) -> list[tuple[str, str]]:
        """Codes to pick from when the answer is a vocabulary code (else the box takes a name)."""
        d = self.decision
        if d.kind not in ("unknown_value", "missing_value"):
            return []
        spec = entity_spec(d.entity).fields.get(d.field)
        if spec is not None and spec.vocab:
            return [(code, f"{label} ({code})" if label != code else code) for code, label in self.ws.codes(spec.vocab)]
        if spec is not None and spec.choices:
            return [(c, c) for c in spec.choices]
        return []

    # -- the answer --------------------------------------------------------------------------
    def _show_value(self) -> None:
        self.value.setVisible(self.action.currentData() in ("map", "set", "placeholder"))

    def set_value(self, value: str) -> None:
        index = self.value.findData(value)
        if index >= 0:
            self.value.setCurrentIndex(index)
        else:
            self.value.setEditText(value)

    def answer_with(self, action: str, value: str | None = None) -> None:
        """Answer as the user would: choose `action` (and type or pick `value`)."""
        self.action.setCurrentIndex(self.action.findData(action))
        if value is not None:
            self.set_value(value)

    def answer(self) -> dict | None:
        """The answer chosen, or None; ValueError if it is incomplete."""
        action = self.action.currentData()
        if not action:
            return None
        raw = {"action": action}
        if action in ("map", "set", "placeholder"):
            index = self.value.findText(self.value.currentText())
            raw["value"] = (self.value.itemData(index) if index >= 0 and self.value.itemData(index)
                            else self.value.currentText().strip())
        return parse_answer(raw)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


class DecisionsView(QWidget):
    """The open (and answered) decisions of a plan; `answers()` collects them."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.rows: list[DecisionRow] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addStretch(1)

    def set_decisions(self, decisions, bad_answers: dict[str, str]) -> None:
        for row in self.rows:
            self.layout_.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for decision in decisions:
            row = DecisionRow(self.ws, decision, self)
            if decision.key in bad_answers:
                row.show_problem(bad_answers[decision.key])
            self.layout_.insertWidget(self.layout_.count() - 1, row)
            self.rows.append(row)

    def row(self, key_part: str) -> DecisionRow:
        """The row whose decision key contains `key_part` (tests, and the wizard's callers)."""
        return next(r for r in self.rows if key_part in r.decision.key)

    def answers(self) -> tuple[dict, bool]:
        """({decision key: answer}, whether every chosen answer was complete)."""
        out, ok = {}, True
        for row in self.rows:
            try:
                answer = row.answer()
            except ValueError as exc:
                row.show_problem(str(exc))
                ok = False
                continue
            row.show_problem("")
            if answer is not None:
                out[row.decision.key] = answer
        return out, ok
