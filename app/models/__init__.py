"""SQLAlchemy models of the local store. Importing this package registers every entity."""
from app.models.base import ENTITIES, SYSTEM_FIELDS, Base, Synced
from app.models.catalog import DictionaryEntry, Product, Responsibility
from app.models.deals import Deal, DealStageEvent
from app.models.documents import (
    Approval, BillingMilestone, Invoice, InvoiceLine, Order, Payment, PaymentAllocation, Quote,
    QuoteLine,
)
from app.models.handoffs import Handoff
from app.models.imports import ImportRun
from app.models.local import AuditEvent, OutboxMutation, ProfileSetting, SyncFlag
from app.models.parties import Contact, Customer, Lead, User
from app.models.quotas import Quota
from app.models.work import Activity, ChangeRequest

__all__ = [
    "ENTITIES", "SYSTEM_FIELDS", "Base", "Synced",
    "User", "Customer", "Contact", "Lead", "Product", "DictionaryEntry", "Responsibility",
    "Deal", "DealStageEvent", "Quote", "QuoteLine", "Approval", "Order", "BillingMilestone",
    "Invoice", "InvoiceLine", "Payment", "PaymentAllocation", "Activity", "ChangeRequest",
    "OutboxMutation", "AuditEvent", "SyncFlag", "ProfileSetting", "Quota", "ImportRun",
    "Handoff",
]
