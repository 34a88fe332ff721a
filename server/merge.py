"""Field-level three-way merge of one update against the stored record.

For each field the client changed, with b the value it last saw and s the stored value:
s equal to the client's value -> nothing to do; s equal to b -> apply; otherwise the
field changed on both sides to different values -> a conflict (the server value stays).
When the client did not send b, the field's version decides instead: unchanged since
`base_version` -> apply.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Merge:
    applied: dict = field(default_factory=dict)      # field -> client value to apply
    conflicts: dict = field(default_factory=dict)    # field -> {"base", "server", "client"}
    merged: list = field(default_factory=list)       # fields others changed since base_version


def three_way(stored: dict, field_versions: dict, base_version: int | None, base: dict,
              changes: dict) -> Merge:
    """Merge `changes` (normalised client values) made on top of `base` / `base_version`
    into the `stored` record whose fields last changed at `field_versions` (None: in the
    current transaction, by the same push)."""
    out = Merge()
    for name, value in changes.items():
        server = stored.get(name)
        if server == value:
            continue
        if name in base:
            unchanged = base[name] == server
        else:
            version = field_versions.get(name)
            unchanged = version is None or base_version is None or version <= base_version
        if unchanged:
            out.applied[name] = value
        else:
            out.conflicts[name] = {"base": base.get(name), "server": server, "client": value}
    if base_version is not None:
        out.merged = sorted(name for name, version in field_versions.items()
                            if version is not None and version > base_version and name not in changes)
    return out
