"""The one interface every key (software token today; USB key and SM2 later) signs through."""

from typing import Protocol


class Signer(Protocol):
    """An unlocked key: it signs bytes for the login it belongs to."""

    login: str
    display_name: str

    def sign(self, message: bytes) -> bytes: ...


class WrongPin(Exception):
    """The PIN did not unlock the key."""


class TokenUnreadable(Exception):
    """The token file is missing, damaged or of an unknown format."""
