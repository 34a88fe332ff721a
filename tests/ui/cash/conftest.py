"""Fixtures for the cash screens: a workspace acting as a given role (several people on
one profile, as after signing in), and modal questions answered by the test."""
from __future__ import annotations

import uuid

import pytest
from PySide6.QtWidgets import QInputDialog

from app.models import User
from app.store import Actor


def become(store, role: str, username: str | None = None) -> Actor:
    """Act as a (new, local) user with `role`, as signing in on this profile would."""
    user_id = str(uuid.uuid4())
    username = username or f"{role}-{user_id[:4]}"
    with store.write() as s:
        s.execute(User.__table__.insert().values(id=user_id, username=username, display_name=username, role=role,
                                                 active=True))
    actor = Actor(user_id, username, role, username)
    store.set_actor(actor)
    return actor


@pytest.fixture
def workspace_as(store, qtbot):
    """`workspace_as("manager")` -> a Workspace whose user is a new manager."""
    from ui.workspace import Workspace

    made = []

    def make(role: str, username: str | None = None):
        become(store, role, username)
        ws = Workspace(store)
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.ops.wait()


class Comments:
    """The texts a person types into the comment prompts, in order (None: cancels)."""

    def __init__(self):
        self.answers: list = []
        self.asked: list[str] = []

    def push(self, *texts) -> None:
        self.answers.extend(texts)

    def prompt(self, _parent, title, _label, _text="", *_args, **_kwargs):
        self.asked.append(title)
        # Nothing more to type: the person cancels (a required comment never loops forever).
        text = self.answers.pop(0) if self.answers else None
        return ("", False) if text is None else (text, True)


@pytest.fixture
def comments(monkeypatch) -> Comments:
    """Replaces the modal comment prompt (QInputDialog.getMultiLineText)."""
    answers = Comments()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", answers.prompt)
    return answers


def check_model(qtmodeltester, model) -> None:
    """Run the model tester on a model a widget owns. The model is handed to Python first
    (it stays the widget's model), so it outlives the widget that pytest-qt closes and
    deletes before the tester's own clean-up runs."""
    model.setParent(None)
    qtmodeltester.check(model, force_py=True)
