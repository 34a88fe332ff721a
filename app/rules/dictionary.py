"""The data dictionary: controlled vocabularies and named numbers both ends validate with.

Entries are synced records (`dictionary_entry`) that admins edit; a fresh profile or
server starts from DEFAULT_ENTRIES, whose ids are derived from (vocabulary, code) so
every installation agrees on them without talking to each other first.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from app.rules.states import DEAL_STAGES

ENTRY_NAMESPACE = uuid.UUID("5b1c55a2-4c2e-4d3b-9a57-0c1e2f7d9a10")

# vocabulary -> [(code, label_en, label_zh, value)]
_DEFAULTS: dict[str, list[tuple[str, str, str, int | None]]] = {
    "industry": [
        ("technology", "Technology", "信息技术", None),
        ("software", "Software", "软件", None),
        ("telecommunications", "Telecommunications", "通信", None),
        ("manufacturing", "Manufacturing", "制造业", None),
        ("retail", "Retail", "零售", None),
        ("medical", "Medical and health", "医疗健康", None),
        ("finance", "Finance", "金融", None),
        ("energy", "Energy", "能源", None),
        ("education", "Education", "教育", None),
        ("logistics", "Logistics", "物流", None),
        ("real_estate", "Real estate", "房地产", None),
        ("government", "Government and utilities", "政府与公共事业", None),
        ("services", "Professional services", "专业服务", None),
        ("marketing", "Marketing and advertising", "广告营销", None),
        ("entertainment", "Entertainment and media", "文化娱乐", None),
        ("employment", "Employment and staffing", "人力资源", None),
        ("other", "Other", "其他", None),
    ],
    "lead_source": [
        ("website", "Website", "官网", None),
        ("referral", "Referral", "客户推荐", None),
        ("trade_show", "Trade show", "展会", None),
        ("cold_call", "Cold call", "陌生拜访", None),
        ("partner", "Partner", "合作伙伴", None),
        ("advertising", "Advertising", "广告", None),
        ("social_media", "Social media", "社交媒体", None),
        ("email_campaign", "E-mail campaign", "邮件营销", None),
        ("import", "Imported", "导入", None),
        ("other", "Other", "其他", None),
    ],
    "lost_reason": [
        ("price", "Price too high", "价格过高", None),
        ("competitor", "Chose a competitor", "选择了竞争对手", None),
        ("no_budget", "No budget", "没有预算", None),
        ("no_decision", "No decision", "未做决定", None),
        ("timing", "Bad timing", "时机不对", None),
        ("product_fit", "Product does not fit", "产品不匹配", None),
        ("other", "Other", "其他", None),
    ],
    "payment_method": [
        ("bank_transfer", "Bank transfer", "银行转账", None),
        ("cash", "Cash", "现金", None),
        ("check", "Cheque", "支票", None),
        ("acceptance_bill", "Bank acceptance bill", "银行承兑汇票", None),
        ("card", "Card", "刷卡", None),
        ("alipay", "Alipay", "支付宝", None),
        ("wechat_pay", "WeChat Pay", "微信支付", None),
        ("other", "Other", "其他", None),
    ],
    # percent
    "stage_probability": [
        ("prospecting", "Prospecting", "初步接触", 10),
        ("qualification", "Qualification", "需求确认", 20),
        ("proposal", "Proposal", "方案报价", 50),
        ("negotiation", "Negotiation", "商务谈判", 75),
        ("won", "Won", "赢单", 100),
        ("lost", "Lost", "输单", 0),
    ],
    "approval_threshold": [
        # a quote with any line discount above this (basis points) needs a manager
        ("quote_discount_bp", "Quote discount needing approval (bp)", "需审批的报价折扣（基点）", 1500),
        # a quote whose total is above this (minor units of its currency) needs a manager
        ("quote_total_minor", "Quote total needing approval (minor units)", "需审批的报价总额（分）", 50_000_000),
    ],
    # hours an inbox item may wait before it is late
    "handoff_target_hours": [
        ("quote_approval", "Quote approval", "报价审批", 24),
        ("order_acceptance", "Order acceptance", "订单受理", 24),
        ("credit_release", "Credit release", "信用放行", 48),
        ("invoicing", "Invoicing", "开票", 72),
        ("collection", "Collection", "回款催收", 168),
        ("change_approval", "Change approval", "变更审批", 48),
    ],
    "payment_terms_days": [("default", "Default payment terms (days)", "默认账期（天）", 30)],
}


# Vocabularies of named numbers, with the bounds of their values. Their codes are fixed
# (the deal stages, the process steps, ...): an admin changes the numbers, not the codes.
NUMBERS: dict[str, tuple[int, int | None]] = {
    "stage_probability": (0, 100),
    "approval_threshold": (0, None),
    "handoff_target_hours": (1, None),
    "payment_terms_days": (0, None),
}


def entry_id(vocabulary: str, code: str) -> str:
    return str(uuid.uuid5(ENTRY_NAMESPACE, f"{vocabulary}:{code}"))


def default_entries() -> list[dict]:
    """The starting dictionary as `dictionary_entry` records."""
    rows = []
    for vocabulary, items in _DEFAULTS.items():
        for order, (code, label_en, label_zh, value) in enumerate(items):
            rows.append({
                "id": entry_id(vocabulary, code), "vocabulary": vocabulary, "code": code,
                "label_en": label_en, "label_zh": label_zh, "value": value,
                "sort_order": order, "active": True,
            })
    return rows


@dataclass(frozen=True)
class Dictionary:
    """A read-only view over dictionary entries: vocabularies and named numbers."""

    entries: tuple[dict, ...] = field(default_factory=tuple)

    @classmethod
    def from_entries(cls, entries) -> "Dictionary":
        return cls(tuple(dict(e) for e in entries))

    @classmethod
    def defaults(cls) -> "Dictionary":
        return cls.from_entries(default_entries())

    def codes(self, vocabulary: str, *, include_inactive: bool = False) -> list[str]:
        items = [e for e in self.entries if e["vocabulary"] == vocabulary
                 and (include_inactive or e.get("active", True))]
        return [e["code"] for e in sorted(items, key=lambda e: (e.get("sort_order") or 0, e["code"]))]

    def label(self, vocabulary: str, code: str, language: str = "zh") -> str:
        for e in self.entries:
            if e["vocabulary"] == vocabulary and e["code"] == code:
                return e.get(f"label_{language}") or e.get("label_en") or code
        return code

    def number(self, vocabulary: str, code: str, default: int | None = None) -> int | None:
        for e in self.entries:
            if e["vocabulary"] == vocabulary and e["code"] == code and e.get("active", True):
                return e.get("value")
        return default

    def stage_probability(self, stage: str) -> int:
        return self.number("stage_probability", stage, 0) or 0

    def vocabularies(self) -> list[str]:
        return sorted({e["vocabulary"] for e in self.entries})


STAGE_ORDER = {stage: i for i, stage in enumerate(DEAL_STAGES)}
