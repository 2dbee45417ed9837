"""The one error type a domain rule raises: a stable code plus words a clerk understands."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleViolation(Exception):
    """A business rule refused an action. `code` is stable for programs; `message` is for people."""

    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"
