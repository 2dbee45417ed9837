"""The cache's data key: kept in the OS keyring, restored by an online login when the keyring entry
is lost, wrapped by the PIN where there is no keyring, and never written bare beside the cache."""

import base64
import logging
import os

import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring

from app.store.cache import open_cache
from app.store.cache_key import SERVICE, CacheKeyStore, CacheLocked, KeyFile, key_file_path, system_keyring
from tests.support.memory_keyring import MemoryKeyring
from tests.support.secret_service import secret_service

ESCROW = os.urandom(32)
PIN = "246810"


def assert_not_bare(key, cache_path):
    text = key_file_path(cache_path).read_bytes()
    assert key not in text and base64.b64encode(key) not in text and key.hex().encode() not in text


def test_a_new_key_goes_to_the_keyring_and_only_wrapped_beside_the_cache(tmp_path):
    path = tmp_path / "c.sqlite"
    ring = MemoryKeyring()
    key = CacheKeyStore(ring).data_key(path, escrow=ESCROW, pin=PIN)
    assert len(key) == 32
    assert base64.b64decode(ring.get_password(SERVICE, str(path.resolve()))) == key
    stored = KeyFile.load(key_file_path(path))
    assert stored.escrow is not None and stored.pin is None  # with a keyring the weaker PIN wrap is not kept
    assert_not_bare(key, path)
    assert CacheKeyStore(ring).data_key(path) == key  # offline, next time: from the keyring


def test_lost_keyring_entry_is_restored_by_an_online_login(tmp_path):
    path = tmp_path / "c.sqlite"
    ring = MemoryKeyring()
    key = CacheKeyStore(ring).data_key(path, escrow=ESCROW)
    open_cache(path, key).close()
    ring.entries.clear()  # a new Windows profile, a reset keyring

    with pytest.raises(CacheLocked, match="需要联网登录一次以恢复密钥"):
        CacheKeyStore(ring).data_key(path)  # offline: no way to the key
    with pytest.raises(CacheLocked):
        CacheKeyStore(ring).data_key(path, escrow=os.urandom(32))  # someone else's escrow

    assert CacheKeyStore(ring).data_key(path, escrow=ESCROW) == key
    assert CacheKeyStore(ring).data_key(path) == key  # the keyring entry is back
    open_cache(path, key).close()


def test_a_stale_keyring_entry_gives_way_to_the_escrow(tmp_path):
    path = tmp_path / "c.sqlite"
    ring = MemoryKeyring()
    key = CacheKeyStore(ring).data_key(path, escrow=ESCROW)
    ring.set_password(SERVICE, str(path.resolve()), base64.b64encode(os.urandom(32)).decode())
    assert CacheKeyStore(ring).data_key(path, escrow=ESCROW) == key


def test_without_keyring_the_pin_opens_the_cache_offline(tmp_path):
    path = tmp_path / "c.sqlite"
    online = CacheKeyStore(None)
    assert online.without_keyring
    key = online.data_key(path, escrow=ESCROW, pin=PIN)
    open_cache(path, key).close()
    stored = KeyFile.load(key_file_path(path))
    assert stored.pin["kdf"] == "scrypt" and stored.pin["n"] >= 2**17
    assert_not_bare(key, path)

    assert CacheKeyStore(None).data_key(path, pin=PIN) == key  # offline: key + PIN
    with pytest.raises(CacheLocked):
        CacheKeyStore(None).data_key(path, pin="135790")
    with pytest.raises(CacheLocked):
        CacheKeyStore(None).data_key(path)


def test_a_changed_pin_is_taken_over_at_the_next_online_login(tmp_path):
    path = tmp_path / "c.sqlite"
    key = CacheKeyStore(None).data_key(path, escrow=ESCROW, pin=PIN)
    assert CacheKeyStore(None).data_key(path, escrow=ESCROW, pin="135790") == key
    assert CacheKeyStore(None).data_key(path, pin="135790") == key


@pytest.mark.parametrize("backend", [PlaintextKeyring(), fail.Keyring()], ids=["keyrings.alt plaintext file", "no keyring"])
def test_plaintext_or_missing_keyrings_are_refused_and_said(backend, caplog, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # where the plaintext keyring would write
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        with caplog.at_level(logging.WARNING):
            assert system_keyring() is None
    finally:
        keyring.set_keyring(previous)
    assert "no system keyring" in caplog.text


@pytest.fixture
def desktop_keyring(tmp_path, monkeypatch):
    """The Secret Service of a Linux desktop (gnome-keyring), real, on a private session bus."""
    from keyring.backends import SecretService

    with secret_service(tmp_path / "desktop") as env:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        previous = keyring.get_keyring()
        keyring.set_keyring(SecretService.Keyring())
        try:
            yield
        finally:
            keyring.set_keyring(previous)


def test_the_desktop_keyring_keeps_the_key_and_a_reset_is_undone_online(desktop_keyring, tmp_path):
    path = tmp_path / "c.sqlite"
    ring = system_keyring()
    assert ring is not None and not CacheKeyStore(ring).without_keyring
    key = CacheKeyStore(ring).data_key(path, escrow=ESCROW, pin=PIN)
    open_cache(path, key).close()
    assert CacheKeyStore(system_keyring()).data_key(path) == key

    ring.delete_password(SERVICE, str(path.resolve()))  # the keyring was reset
    with pytest.raises(CacheLocked):
        CacheKeyStore(system_keyring()).data_key(path, pin=PIN)  # the PIN wrap is not kept beside a keyring
    assert CacheKeyStore(system_keyring()).data_key(path, escrow=ESCROW) == key
    assert CacheKeyStore(system_keyring()).data_key(path) == key
