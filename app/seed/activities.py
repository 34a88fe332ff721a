"""Generated activities: calls, visits, meetings, e-mails, tasks and notes.

Each is about a customer and often about one of its deals, dated inside that
customer's or deal's lifetime. Calls, e-mails and notes are done when they happened;
visits and meetings are scheduled (`due_at`) and mostly held (`done_at`), a few still
planned; tasks always have a due date and are a mix of done, overdue, due within the
next week and due later, so task lists and reminders have something to show.
"""
from __future__ import annotations

import random

from app.seed import names as N
from app.seed.deals import Deals
from app.seed.parties import Customers, new_id
from app.seed.timeline import DAY, HOUR, Timeline

KIND_SLOTS = ("call",) * 25 + ("email",) * 18 + ("visit",) * 12 + ("meeting",) * 13 + ("task",) * 24 + ("note",) * 8
DEAL_SHARE = 0.65        # activities that are about a deal (when there are deals)
CONTACT_SHARE = 0.6      # calls, visits, meetings and e-mails naming the primary contact
HALF_HOUR = 1800

SUBJECTS = {
    "zh": {
        "call": ("电话沟通{t}需求", "电话回访", "确认{t}预算", "跟进报价反馈", "预约拜访时间"),
        "visit": ("拜访{c}", "上门演示{t}", "现场调研：{t}"),
        "meeting": ("{t}方案评审会", "商务谈判会议", "{t}项目启动会", "季度业务回顾"),
        "email": ("发送{t}方案", "发送报价单", "发送合同草稿", "发送会议纪要"),
        "task": ("准备{t}方案", "准备报价单", "跟进合同盖章", "跟进回款", "更新客户资料", "提交折扣审批"),
        "note": N.NOTES_ZH,
    },
    "en": {
        "call": ("Call about {t}", "Follow-up call", "Confirm budget for {t}", "Quote feedback call", "Book a visit"),
        "visit": ("Visit {c}", "On-site demo: {t}", "Site survey: {t}"),
        "meeting": ("{t}: design review", "Commercial negotiation", "{t}: kick-off", "Quarterly business review"),
        "email": ("Send {t} proposal", "Send quote", "Send draft contract", "Send meeting minutes"),
        "task": ("Prepare {t} proposal", "Prepare quote", "Chase signed contract", "Chase payment",
                 "Update customer details", "Request discount approval"),
        "note": N.NOTES_EN,
    },
}


class Activities:
    def __init__(self, rng: random.Random, timeline: Timeline, customers: Customers, deals: Deals,
                 primary_contacts: dict[int, str]):
        self.rng = rng
        self.timeline = timeline
        self.customers = customers
        self.deals = deals
        self.primary_contacts = primary_contacts

    def make(self, count: int) -> list[dict]:
        rng, rnd, tl = self.rng, self.rng.random, self.timeline
        cust, deals, now = self.customers, self.deals, self.timeline.now
        rows = []
        for _ in range(count):
            rid = new_id(rng)
            deal_id = None
            is_open = True
            if len(deals) and rnd() < DEAL_SHARE:
                d = int(rnd() * len(deals))
                c = deals.customer[d]
                deal_id = deals.ids[d]
                topic = deals.topic[d]
                lo = deals.start[d]
                is_open = not deals.closed[d]
                # Work on a closed deal goes on a little after it closed (hand-off, paperwork).
                hi = now if is_open else min(now, deals.end[d] + 10 * DAY)
            else:
                c = int(rnd() * len(cust))
                topic = int(rnd() * len(N.DEAL_TOPICS))
                lo, hi = cust.created[c], now
            kind = KIND_SLOTS[int(rnd() * len(KIND_SLOTS))]
            language = "en" if cust.foreign[c] else "zh"
            templates = SUBJECTS[language][kind]
            subject = templates[int(rnd() * len(templates))].format(
                t=N.DEAL_TOPICS[topic][language == "en"], c=cust.short[c])
            happened = lo + int(rnd() * (hi - lo))
            due = done = None
            created = happened
            if kind in ("call", "email", "note"):
                done = happened
            elif kind in ("visit", "meeting"):
                if is_open and rnd() < 0.15:  # still planned
                    due = now + 1 + int(rnd() * 15 * DAY) // HALF_HOUR * HALF_HOUR
                    created = max(lo, now - int(rnd() * 5 * DAY))
                else:
                    due = max(lo, happened // HALF_HOUR * HALF_HOUR)
                    done = min(now, due + HALF_HOUR + int(rnd() * 2 * HOUR))
                    created = max(lo, due - int(rnd() * 5 * DAY))
            else:
                due, done, created = self._task(happened, lo, is_open)
            contact = None
            if kind in ("call", "visit", "meeting", "email") and rnd() < CONTACT_SHARE:
                contact = self.primary_contacts.get(c)
            notes = None
            if kind != "note" and rnd() < 0.05:
                pool = N.NOTES_EN if language == "en" else N.NOTES_ZH
                notes = pool[int(rnd() * len(pool))]
            updated = done if done is not None and done > created else created
            rows.append({
                "id": rid, "version": None, "created_at": tl.timestamp(created),
                "updated_at": tl.timestamp(updated), "deleted_at": None, "kind": kind, "subject": subject,
                "due_at": None if due is None else tl.timestamp(tl.clamp(due)),
                "done_at": None if done is None else tl.timestamp(done), "customer_id": cust.ids[c],
                "deal_id": deal_id, "contact_id": contact, "lead_id": None, "owner_id": cust.owner[c],
                "notes": notes, "invoice_id": None,
            })
        return rows

    def _task(self, happened: int, lo: int, is_open: bool) -> tuple[int, int | None, int]:
        """(due, done, created) of a task: done, overdue, due within the week, or due later."""
        rnd, now = self.rng.random, self.timeline.now
        state = rnd()
        if not is_open or state < 0.55:
            done = happened
            due = max(lo, (happened + int(DAY * (rnd() * 3 - 1))) // HOUR * HOUR)
            created = max(lo, min(due, done) - int(rnd() * 5 * DAY))
            return due, done, created
        if state < 0.70:
            due = (now - int(DAY * (0.2 + rnd() * 15))) // HOUR * HOUR
            if due < lo:
                due = lo
        elif state < 0.85:
            due = now + 1 + int(rnd() * 5 * DAY) // HOUR * HOUR
        else:
            due = now + 1 + int(DAY * (5 + rnd() * 40)) // HOUR * HOUR
        created = max(lo, min(due, now) - int(rnd() * 10 * DAY))
        return due, None, created
