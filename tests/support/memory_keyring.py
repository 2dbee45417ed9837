"""A keyring in memory for the tests that just need a cache and its key. The real OS keyrings are
Windows Credential Manager and macOS Keychain, which do not run here, and the Secret Service, which
does (tests/support/secret_service.py) but needs a D-Bus bus and a gnome-keyring-daemon of its own:
too heavy for every test that opens a cache. The key store only calls get_password, set_password
and delete_password, kept here in a dict (so "the keyring was reset" is `entries.clear()`)."""

from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from app.store.cache_key import SERVICE, CacheKeyStore


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


def share_key(original: Path, copy: Path) -> None:
    """A copied cache file opens with its original's key."""
    TEST_KEYRING.set_password(SERVICE, str(copy.resolve()), TEST_KEYRING.get_password(SERVICE, str(original.resolve())))


def kept_key(cache_path: Path) -> bytes:
    """The data key of a test cache, kept in TEST_KEYRING (made on first use)."""
    return CacheKeyStore(TEST_KEYRING).data_key(cache_path)
