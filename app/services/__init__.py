"""Use cases. Each public function takes a UnitOfWork first (the caller owns the
transaction: `store.run(fn, ...)` or `with store.unit() as uow:`), validates with the
shared rules, writes through the unit (audit + outbox) and returns plain dicts."""
