"""Per-field three-way merge (DESIGN: conflict rules), the same rule for every kind of record.

base:    the field values the client saw when it edited (its base_version)
server:  the field values now
changes: the client's new values for the fields it edited

A field only the client changed takes the client's value; a field both changed to the same value
is no conflict; a field both changed differently keeps the server's value and is reported, so
the caller keeps the client's edit as a conflict copy and tells the user. Fields the client did
not touch are never part of the answer. Pure: no I/O.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Conflict:
    server: Any
    mine: Any


@dataclass(frozen=True)
class MergeResult:
    merged: dict[str, Any]  # the server's values with the client's accepted changes on top
    taken: tuple[str, ...] = ()  # fields where the client's value went in
    conflicts: dict[str, Conflict] = field(default_factory=dict)


def merge_fields(base: Mapping[str, Any], server: Mapping[str, Any], changes: Mapping[str, Any]) -> MergeResult:
    merged = dict(server)
    taken: list[str] = []
    conflicts: dict[str, Conflict] = {}
    for name, mine in changes.items():
        theirs = server.get(name)
        if theirs == mine:
            continue
        if theirs == base.get(name):
            merged[name] = mine
            taken.append(name)
        else:
            conflicts[name] = Conflict(server=theirs, mine=mine)
    return MergeResult(merged, tuple(taken), conflicts)
