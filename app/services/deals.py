"""Deals: creation and stage moves with dated history and dictionary probabilities."""
from __future__ import annotations

from app import clock
from app.errors import InvalidTransition, ValidationError
from app.rules.states import CLOSED_STAGES, DEAL_TRANSITIONS, OPEN_STAGES, can_move
from app.rules.validation import deal_stage_requirements
from app.services import handoffs


def create_deal(uow, values: dict, *, at: str | None = None) -> dict:
    """Create a deal (default stage `prospecting`) and its first stage event, dated `at`
    (a timestamp; default now: an import gives the day the deal really started)."""
    values = dict(values)
    stage = values.setdefault("stage", "prospecting")
    if stage in CLOSED_STAGES:
        values.setdefault("closed_on", clock.today().isoformat())
    if values.get("probability") is None:
        values["probability"] = uow.dictionary.stage_probability(stage)
    values["stage_changed_at"] = at or uow.now
    deal = uow.create("deal", values, transition=True)
    _record_event(uow, deal["id"], None, stage, at)
    return deal


def update_deal(uow, deal_id: str, changes: dict) -> dict:
    """Edit a deal's ordinary fields; a `stage` among them goes through `move_stage`."""
    changes = dict(changes)
    stage = changes.pop("stage", None)
    deal = uow.require("deal", deal_id)
    if stage is not None and stage != deal["stage"]:
        return move_stage(uow, deal_id, stage, **changes)
    return uow.update("deal", deal_id, changes)


def move_stage(uow, deal_id: str, stage: str, *, at: str | None = None, **fields) -> dict:
    """Move a deal to `stage`, with the fields that stage requires (amount and expected
    close from `proposal` on, a lost reason for `lost`). Closing dates default to today;
    the probability follows the dictionary unless given; reopening clears the outcome.
    Winning hands the deal over for order acceptance (handoffs.on_deal_won).
    `at` records a move that happened earlier (history brought in by an import): the
    event is dated then, and no hand-off opens for work the other system saw through."""
    deal = uow.require("deal", deal_id)
    old = deal["stage"]
    if stage == old:
        raise InvalidTransition({"stage": f"the deal is already at {stage}"})
    if not can_move(DEAL_TRANSITIONS, old, stage):
        raise InvalidTransition({"stage": f"cannot go from {old} to {stage}"})
    changes = dict(fields)
    changes["stage"] = stage
    if stage in CLOSED_STAGES:
        changes.setdefault("closed_on", clock.today().isoformat())
    if old == "lost" and stage in OPEN_STAGES:
        changes.update(closed_on=None, lost_reason=None)
    if "probability" not in fields:
        changes["probability"] = uow.dictionary.stage_probability(stage)
    missing = {name: f"is required at stage {stage}" for name in deal_stage_requirements(stage)
               if changes.get(name, deal.get(name)) in (None, "")}
    if missing:
        raise ValidationError(missing)
    changes["stage_changed_at"] = at or uow.now
    updated = uow.update("deal", deal_id, changes, transition=True)
    _record_event(uow, deal_id, old, stage, at)
    if stage == "won" and at is None:
        handoffs.on_deal_won(uow, updated)
    return updated


def win(uow, deal_id: str, **fields) -> dict:
    return move_stage(uow, deal_id, "won", **fields)


def lose(uow, deal_id: str, lost_reason: str, **fields) -> dict:
    return move_stage(uow, deal_id, "lost", lost_reason=lost_reason, **fields)


def stage_history(uow, deal_id: str) -> list[dict]:
    c = uow.c("deal_stage_event")
    return uow.select("deal_stage_event", c.deal_id == deal_id, order_by=[c.changed_at, c.created_at])


def _record_event(uow, deal_id: str, old: str | None, new: str, at: str | None = None) -> None:
    uow.create("deal_stage_event", {"deal_id": deal_id, "from_stage": old, "to_stage": new,
                                    "changed_at": at or uow.now, "changed_by": uow.actor.id})
