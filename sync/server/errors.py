"""The one shape of every refusal: {"detail": {"code": stable code, "message": Chinese words, ...}}."""

from typing import Any

from fastapi import HTTPException


def refusal(status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any) -> HTTPException:
    return HTTPException(status_code=status, detail={"code": code, "message": message, **extra}, headers=headers)


def detail(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """A response body in that shape, for answers built outside HTTPException (middleware, handlers)."""
    return {"detail": {"code": code, "message": message, **extra}}
