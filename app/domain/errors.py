"""The one error type a domain rule raises: a stable code plus words a clerk understands."""

from dataclasses import dataclass


# Not frozen: Python sets __traceback__ on an exception passing through a @contextmanager (a
# session's begin(), for one), which a frozen dataclass refuses with FrozenInstanceError.
# eq=False keeps exceptions hashable by identity, as every exception is.
@dataclass(eq=False)
class RuleViolation(Exception):
    """A business rule refused an action. `code` is stable for programs; `message` is for people."""

    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"
