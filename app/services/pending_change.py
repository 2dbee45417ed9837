"""Show a local change on a mirror row at once, keeping the server's values for rebase."""

from typing import Any


def show_change(row: Any, **changes: object) -> None:
    """The first local change keeps what the server said (`server_values`), so a rebase can put
    it back; a row that is itself still pending has no server values to keep."""
    if not row.pending:
        kept = dict(row.server_values or {})
        for name in changes:
            kept.setdefault(name, getattr(row, name))
        row.server_values = kept
    for name, value in changes.items():
        setattr(row, name, value)
