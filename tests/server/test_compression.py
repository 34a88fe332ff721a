"""Pull pages travel gzip-compressed to clients that accept it (across a network), and the
client engine reads them the same."""
from __future__ import annotations

import requests

from app.store import Store
from sync.engine import SyncEngine
from tests.support.server import PASSWORD, ServerProcess


def test_compressed_pull_pages_reach_the_engine_intact(tmp_path):
    server = ServerProcess(f"sqlite:///{tmp_path / 's.sqlite'}", env={"LTC_SERVER_GZIP": "always"}).start()
    try:
        server.create_users([("rep1", "rep", None)])
        token = server.login("rep1")
        writer = SyncEngine(Store.open(tmp_path / "writer"))
        writer.login(server.url, "rep1", PASSWORD)
        from app.services import customers

        for i in range(60):
            writer.store.run(customers.create_customer, {"name": f"压缩测试客户 {i}", "notes": "备注 " * 40},
                             allow_duplicate=True)
        writer.sync()
        raw = requests.get(server.url + "/api/v1/sync/pull", params={"limit": 100}, timeout=10,
                           headers={"Authorization": f"Bearer {token}", "X-LTC-Protocol": "1",
                                    "Accept-Encoding": "gzip"}, stream=True)
        assert raw.headers["Content-Encoding"] == "gzip"
        wire = len(raw.raw.read(decode_content=False))
        reader = SyncEngine(Store.open(tmp_path / "reader"))
        reader.login(server.url, "rep1", PASSWORD)
        summary = reader.sync()
        assert summary.pulled >= 60
        assert wire < summary.bytes / 3  # what travelled is a fraction of the JSON read
    finally:
        server.stop()
