"""公文 actions as plain op args: {"action": name, ...arguments}, applied by the same rules on the
client (local effect) and on the server (re-check). A missing or unknown field is a RuleViolation,
so a malformed op is refused in words and never raises anything else."""

from collections.abc import Callable

from app.domain.documents import incoming, routing
from app.domain.documents.incoming import Incoming
from app.domain.documents.route import Route
from app.domain.errors import RuleViolation

# action -> (rule, argument names after the document, in the rule's order)
ROUTE_ACTIONS: dict[str, tuple[Callable, tuple[str, ...]]] = {
    "sign": (routing.sign, ("actor", "opinion", "body_version", "at")),
    "send_back": (routing.send_back, ("actor", "target_step_id", "reason", "at")),
    "retrieve": (routing.retrieve, ("actor", "at")),
    "add_signer": (routing.add_signer, ("actor", "user_id", "unit_id", "before", "at")),
    "remove_added_signer": (routing.remove_added_signer, ("actor", "step_id", "at")),
    "delegate": (routing.delegate, ("actor", "to_user", "to_unit", "at")),
    "revise_body": (routing.revise_body, ("actor", "new_version", "at")),
    "withdraw": (routing.withdraw, ("actor", "reason", "at")),
}
INCOMING_ACTIONS: dict[str, tuple[Callable, tuple[str, ...]]] = {
    "receive": (incoming.receive, ("actor", "at")),
    "refuse": (incoming.refuse, ("actor", "reason", "at")),
    "register": (incoming.register, ("actor", "register_no", "due", "at")),
    "propose": (incoming.propose, ("actor", "opinion", "leader", "at")),
    "instruct": (incoming.instruct, ("actor", "instruction", "handlers", "at")),
    "finish_handling": (incoming.finish_handling, ("actor", "note", "at")),
    "conclude": (incoming.conclude, ("actor", "at")),
    "archive": (incoming.archive, ("actor", "at")),
    "circulate": (incoming.circulate, ("actor", "readers", "at")),
    "mark_read": (incoming.mark_read, ("actor", "at")),
}

# Argument types where not a string.
_INTS = frozenset({"body_version", "new_version"})
_LISTS = frozenset({"handlers", "readers"})
_OPTIONAL = frozenset({"due"})


def apply_route_op(route: Route, op: dict) -> Route:
    return _apply(ROUTE_ACTIONS, route, op)


def apply_incoming_op(doc: Incoming, op: dict) -> Incoming:
    return _apply(INCOMING_ACTIONS, doc, op)


def _apply(actions: dict, document, op: dict):
    entry = actions.get(op.get("action")) if isinstance(op, dict) else None
    if entry is None:
        raise RuleViolation("docop.unknown_action", "无法识别的公文操作。")
    rule, names = entry
    missing = [name for name in names if name not in op]
    if missing:
        raise RuleViolation("docop.bad_args", f"公文操作缺少参数：{'、'.join(missing)}。")
    wrong = [name for name in names if not _well_typed(name, op[name])]
    if wrong:
        raise RuleViolation("docop.bad_args", f"公文操作的参数类型不正确：{'、'.join(wrong)}。")
    return rule(document, *(op[name] for name in names))


def _well_typed(name: str, value) -> bool:
    if name in _INTS:
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "before":
        return isinstance(value, bool)
    if name in _LISTS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if name in _OPTIONAL and value is None:
        return True
    return isinstance(value, str)
