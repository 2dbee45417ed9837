"""An OS keyring stand-in for the tests: this machine has no Windows Credential Manager or macOS
Keychain, and a Secret Service would need a desktop session's D-Bus and an unlocked login keyring.
The cache key code only calls get_password/set_password/delete_password, which this keeps in a dict
(so "the keyring was reset" is `entries.clear()`)."""

from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from app.store.cache_key import CacheKeyStore


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


# One keyring for the whole test run, like the one of a real computer: every test has its own
# cache paths, so entries never collide.
TEST_KEYRING = MemoryKeyring()


def kept_key(cache_path: Path) -> bytes:
    """The data key of a test cache, kept in TEST_KEYRING (made on first use)."""
    return CacheKeyStore(TEST_KEYRING).data_key(cache_path)
