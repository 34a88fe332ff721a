"""Generated deals and their dated stage history.

Every deal walks a plausible path from prospecting to its current stage (sometimes
skipping qualification or negotiation); each step is a DealStageEvent with a strictly
later `changed_at`, the last one at the deal's `stage_changed_at`. Fields follow the
deal rules of app/rules/validation.py: amount and expected close from proposal on,
`closed_on` (the day of the last step) for won and lost, a lost reason for lost.
"""
from __future__ import annotations

import random
from array import array

from app.rules.dictionary import Dictionary
from app.rules.states import CLOSED_STAGES, OPEN_STAGES
from app.seed import names as N
from app.seed.parties import Customers, new_id
from app.seed.timeline import DAY, Timeline

# Current stage of a generated deal, one slot per percent.
STAGE_WEIGHTS = {"prospecting": 18, "qualification": 15, "proposal": 14, "negotiation": 10, "won": 25, "lost": 18}
# Where a lost deal died, one slot per unit.
LOST_AFTER = ("prospecting",) * 5 + ("qualification",) * 6 + ("proposal",) * 5 + ("negotiation",) * 4
AMOUNT_MEDIAN_LOG = 12.2   # e^12.2 ≈ 200,000 CNY
AMOUNT_SIGMA = 1.1
AMOUNT_RANGE_YUAN = (3_000, 30_000_000)


class Deals:
    """Deal rows and their stage events, with the facts activities need about each deal."""

    def __init__(self, rng: random.Random, timeline: Timeline, customers: Customers, dictionary: Dictionary):
        self.rng = rng
        self.timeline = timeline
        self.customers = customers
        self.lost_reasons = dictionary.codes("lost_reason")
        self.probability = {stage: dictionary.stage_probability(stage) for stage in STAGE_WEIGHTS}
        # Without a lost-reason vocabulary a lost deal could not be valid: none are made.
        self.stage_slots = [s for s, w in STAGE_WEIGHTS.items() if s != "lost" or self.lost_reasons for _ in range(w)]
        self.ids: list[str] = []
        self.customer = array("l")
        self.start = array("q")     # business second of the first stage event
        self.end = array("q")       # of the closing event; `now` for an open deal
        self.closed = bytearray()
        self.topic = bytearray()

    def __len__(self) -> int:
        return len(self.ids)

    def make(self, count: int) -> tuple[list[dict], list[dict]]:
        """`count` deals and all their stage events."""
        deals, events = [], []
        for _ in range(count):
            self._one(deals, events)
        return deals, events

    def _path(self, stage: str) -> list[str]:
        rnd = self.rng.random
        if stage == "won":
            last = "negotiation" if rnd() < 0.85 else "proposal"
        elif stage == "lost":
            last = LOST_AFTER[int(rnd() * len(LOST_AFTER))]
        else:
            last = stage
        path = list(OPEN_STAGES[:OPEN_STAGES.index(last) + 1])
        if len(path) > 2 and rnd() < 0.2:
            path.remove("qualification")
        if stage in CLOSED_STAGES:
            path.append(stage)
        return path

    def _one(self, deals: list, events: list) -> None:
        rng, rnd, tl, cust = self.rng, self.rng.random, self.timeline, self.customers
        rid = new_id(rng)
        c = int(rnd() * len(cust))
        stage = self.stage_slots[int(rnd() * len(self.stage_slots))]
        closed = stage in CLOSED_STAGES
        path = self._path(stage)
        gaps = [int(DAY * (0.3 + rnd() * 25)) for _ in path[1:]]
        # Open deals sit in their stage for up to two months; closed ones closed up to two years ago.
        tail = int(DAY * rnd() * (500 if closed else 40))
        available = tl.now - cust.created[c] - len(path)
        total = sum(gaps) + tail
        if total > available:  # a young customer: squeeze the history into its lifetime
            factor = available / total
            gaps = [max(1, int(g * factor)) for g in gaps]
            tail = int(tail * factor)
        t = tl.now - tail - sum(gaps)
        owner = cust.owner[c]
        times = [t]
        for g in gaps:
            t += g
            times.append(t)
        previous = None
        for step, when in zip(path, times):
            ts = tl.timestamp(when)
            events.append({
                "id": new_id(rng), "version": None, "created_at": ts, "updated_at": ts, "deleted_at": None,
                "deal_id": rid, "from_stage": previous, "to_stage": step, "changed_at": ts, "changed_by": owner,
            })
            previous = step
        start, last = times[0], times[-1]
        reached_proposal = "proposal" in path
        amount = expected = None
        if reached_proposal or rnd() < (0.35 if stage == "prospecting" else 0.65):
            amount = self._amount()
        if reached_proposal or rnd() < (0.3 if stage == "prospecting" else 0.6):
            if stage == "won":
                expected = last + int(DAY * (rnd() * 30 - 15))
            elif stage == "lost":
                expected = last + int(DAY * (rnd() * 60 - 10))
            elif rnd() < 0.1:  # slipped: the expected close has passed and nobody updated it
                expected = max(start, tl.now - int(DAY * rnd() * 20))
            else:
                expected = tl.now + int(DAY * (3 + rnd() * 120))
        topic = int(rnd() * len(N.DEAL_TOPICS))
        zh, en = N.DEAL_TOPICS[topic]
        if cust.foreign[c]:
            name = f"{cust.short[c]} – {en}"
        elif rnd() < 0.3:
            name = f"{cust.short[c]}{tl.date(start)[:4]}年度{zh}"
        else:
            name = f"{cust.short[c]}{zh}项目"
        notes = None
        if rnd() < 0.04:
            pool = N.NOTES_EN if cust.foreign[c] else N.NOTES_ZH
            notes = pool[int(rnd() * len(pool))]
        updated = last if closed or rnd() < 0.7 else last + int(rnd() * (tl.now - last))
        last_ts = tl.timestamp(last)
        deals.append({
            "id": rid, "version": None, "created_at": tl.timestamp(start), "updated_at": tl.timestamp(updated),
            "deleted_at": None, "customer_id": cust.ids[c], "name": name, "stage": stage, "amount_minor": amount,
            "currency": "CNY", "probability": self.probability[stage],
            "expected_close": None if expected is None else tl.date(tl.clamp(expected)),
            "closed_on": last_ts[:10] if closed else None,
            "lost_reason": self.lost_reasons[int(rnd() * len(self.lost_reasons))] if stage == "lost" else None,
            "owner_id": owner, "product_id": None, "lead_id": None, "stage_changed_at": last_ts, "notes": notes, "external_ref": None,
        })
        self.ids.append(rid)
        self.customer.append(c)
        self.start.append(start)
        self.end.append(last if closed else tl.now)
        self.closed.append(closed)
        self.topic.append(topic)

    def _amount(self) -> int:
        yuan = self.rng.lognormvariate(AMOUNT_MEDIAN_LOG, AMOUNT_SIGMA)
        low, high = AMOUNT_RANGE_YUAN
        yuan = min(max(yuan, low), high)
        step = 100 if yuan < 100_000 else 1_000
        return int(yuan // step) * step * 100
