"""锁定: the session follows its key. When the key goes away the session locks; only the same
certificate, unlocked with its PIN and signing a fresh random challenge, opens it again."""

import secrets
from dataclasses import dataclass

from app.identity.signer import KeyHolder, Signer
from app.identity.verify import verify_signature

CHALLENGE_CONTEXT = b"xietong-unlock\x00"


class OtherCertificate(Exception):
    """A key with another certificate was offered: it cannot open someone else's session."""


class KeyMismatch(Exception):
    """The key did not sign for its certificate (a forged or broken token)."""


@dataclass
class SessionLock:
    holder: KeyHolder
    certificate: bytes  # the session's, from its sign-in
    locked: bool = False

    def poll(self) -> bool:
        """Check the key; True exactly when this call locked the session."""
        if self.locked or self.holder.present():
            return False
        self.locked = True
        return True

    def unlock(self, holder: KeyHolder, pin: str) -> Signer:
        """Raises OtherCertificate, KeyMismatch, or the key's WrongPin, PinLocked, KeyRemoved."""
        if holder.certificate != self.certificate:
            raise OtherCertificate()
        signer = holder.unlock(pin)
        challenge = CHALLENGE_CONTEXT + secrets.token_bytes(32)
        if not verify_signature(self.certificate, challenge, signer.sign(challenge)):
            raise KeyMismatch()
        self.holder, self.locked = holder, False
        return signer
