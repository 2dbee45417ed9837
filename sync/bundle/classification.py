"""The 密级 a bundle's records declare, against the receiving unit's ceiling.

Generic on purpose: an op's args or a pulled row's data declare a level in `classification`,
`密级` or the GB/T 33480 field `密级和保密期限` (秘密★10年), at the top or under `meta`. A level
the product does not know (绝密) is above every ceiling: the check fails closed.
"""

from collections.abc import Iterator
from typing import Any

from app.domain.documents.metadata import CLASSIFICATIONS
from sync.bundle.refusals import refused

FIELDS = ("classification", "密级", "密级和保密期限")


def check(kind: str, body: dict[str, Any], ceiling: str) -> None:
    """Raises BundleRefused(bundle.above_ceiling) naming the first level above `ceiling`."""
    for level in _declared(kind, body):
        if _rank(level) > _rank(ceiling):
            raise refused("bundle.above_ceiling", level=level, ceiling=ceiling)


def _declared(kind: str, body: dict[str, Any]) -> Iterator[str]:
    for item in _items(kind, body):
        for place in (item, item.get("meta")):
            if isinstance(place, dict):
                for name in FIELDS:
                    value = place.get(name)
                    if isinstance(value, str) and value:
                        yield value.partition("★")[0]


def _items(kind: str, body: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if kind == "push":
        yield from (op.get("args") or {} for op in body.get("ops") or [] if isinstance(op, dict))
    elif kind == "pull":
        for changes in (body.get("scopes") or {}).values():
            yield from (row.get("data") or {} for row in changes.get("rows") or [] if isinstance(row, dict))


def _rank(level: str) -> int:
    return CLASSIFICATIONS.index(level) if level in CLASSIFICATIONS else len(CLASSIFICATIONS)
