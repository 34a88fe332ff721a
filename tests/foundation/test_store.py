"""The local store's transactions: writers queue, readers run beside them, and the
dictionary follows the admin's edits."""
from __future__ import annotations

import threading

from sqlalchemy import func, select

from app.models import Customer
from app.rules.dictionary import entry_id


def test_concurrent_writers_queue_instead_of_failing(store):
    errors = []

    def write(n):
        try:
            for i in range(25):
                store.run(lambda uow: uow.create("customer", {"name": f"并发客户 {n}-{i}"}))
        except Exception as exc:  # a "database is locked" would land here
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Customer.__table__)) == 100


def test_a_reader_sees_the_last_commit_while_a_writer_holds_its_transaction(store):
    store.run(lambda uow: uow.create("customer", {"name": "已提交客户"}))
    with store.unit() as uow:
        uow.create("customer", {"name": "未提交客户"})
        with store.read() as s:  # WAL: not blocked, and sees only committed data
            names = {r.name for r in s.execute(select(Customer.name))}
    assert names == {"已提交客户"}


def test_an_edited_vocabulary_is_used_by_the_next_validation(store):
    store.run(lambda uow: uow.create("dictionary_entry", {
        "vocabulary": "industry", "code": "aerospace", "label_en": "Aerospace", "label_zh": "航空航天"}))
    store.run(lambda uow: uow.create("customer", {"name": "航天科技", "industry": "aerospace"}))
    store.run(lambda uow: uow.update("dictionary_entry", entry_id("industry", "retail"), {"active": False}))
    assert "retail" not in store.dictionary().codes("industry")
