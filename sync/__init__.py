"""The sync protocol and the client sync engine. Never imports Qt."""
