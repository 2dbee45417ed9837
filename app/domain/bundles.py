"""交换包 rules every side shares: who may relay an isolated unit's bundles from a connected client."""

EXCHANGE_POINT_ROLES = frozenset({"交换站管理员"})


def may_relay(roles: tuple[str, ...] | list[str]) -> bool:
    return bool(EXCHANGE_POINT_ROLES & set(roles))
