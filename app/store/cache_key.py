"""The data key of an encrypted cache file: made once, kept in the OS keyring, recoverable online.

Each cache file has its own random 256-bit data key. Where the OS has a keyring (Windows
Credential Manager, macOS Keychain, Secret Service), the key is stored there (service "Xietong",
one entry per cache file). Beside the cache, `<cache>.key.json` holds the key wrapped (AES-256-GCM)
by the `cache_escrow` secret the server hands out at each online login, so logging in online again
restores a lost keyring entry. Without a keyring the key is also wrapped by a key derived from the
user's PIN (scrypt), so offline login still opens the cache; the file never holds the bare key.
See docs/cache-encryption.md for the design and its limits.
"""

import base64
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from keyring.backend import KeyringBackend

from app.store.sqlcipher import file_salt

log = logging.getLogger(__name__)

SERVICE = "Xietong"
FORMAT = 1
KEY_BYTES = 32
# About 0.35 s and 128 MiB per derivation: each PIN guess costs an attacker the same.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
# keyring's own back ends for the OS stores; anything else (fail, null, keyrings.alt files) is refused.
SECURE_BACKEND_MODULES = (
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
)


class CacheLocked(Exception):
    """The cache is encrypted and its key is not available here (or the key given does not open it).
    The file is left in place: an online login brings the key back."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("本机数据已加密，需要联网登录一次以恢复密钥" + (f"（{detail}）" if detail else ""))


def key_file_path(cache_path: Path) -> Path:
    return cache_path.with_name(f"{cache_path.name}.key.json")


def system_keyring() -> KeyringBackend | None:
    """This computer's OS keyring, or None (logged) where there is none or only an insecure one."""
    import keyring

    backend = keyring.get_keyring()
    if is_secure(backend):
        return backend
    log.warning("no system keyring (%s): the cache key is protected by the PIN", type(backend).__name__)
    return None


def is_secure(backend: KeyringBackend) -> bool:
    children = getattr(backend, "backends", None)  # keyring's ChainerBackend
    if children is not None:
        return bool(children) and all(is_secure(child) for child in children)
    return type(backend).__module__.startswith(SECURE_BACKEND_MODULES)


@dataclass
class KeyFile:
    """`<cache>.key.json`: the key id (the cache file's SQLCipher salt, not secret) and the wraps."""

    key_id: str
    escrow: dict[str, str] | None = None
    pin: dict[str, str | int] | None = None
    format: int = FORMAT

    @classmethod
    def load(cls, path: Path) -> "KeyFile | None":
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            log.warning("key file %s unreadable (%s): only the keyring can give the key", path, exc)
            return None
        if data.get("format") != FORMAT:
            raise CacheLocked(f"密钥文件格式 {data.get('format')} 不受支持")
        return cls(**data)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(self), f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


@dataclass
class CacheKeyStore:
    """Finds or makes the data key of a cache file. `keyring` is the OS keyring (see
    `system_keyring()`), injected so tests can pass one; None means there is none here."""

    keyring: KeyringBackend | None

    @property
    def without_keyring(self) -> bool:
        """True where the PIN guards the key (the login window says so: "本机没有系统密钥环…")."""
        return self.keyring is None

    def data_key(self, cache_path: Path, escrow: bytes | None = None, pin: str | None = None) -> bytes:
        """The key of the cache at `cache_path`, made on first use. `escrow` is the server's
        cache_escrow of this online login (None offline); `pin` is the certificate's PIN.
        Raises CacheLocked when the key exists but neither keyring, escrow nor PIN gives it back."""
        if escrow is not None and len(escrow) != KEY_BYTES:
            raise ValueError("cache_escrow must be 32 bytes")
        key_path = key_file_path(cache_path)
        stored = KeyFile.load(key_path)
        key, source = self._recover(cache_path, stored, escrow, pin)
        if key is None:
            if stored is not None:
                raise CacheLocked()
            if self.keyring is None and escrow is None and pin is None:
                raise ValueError("without a keyring a new cache key needs the escrow or the PIN")
            key, source = os.urandom(KEY_BYTES), "new"
        # The keyring first: a key file naming a key that no keyring holds would lock the cache.
        if self.keyring is not None and source != "keyring":
            self.keyring.set_password(SERVICE, _entry(cache_path), base64.b64encode(key).decode())
            if source == "escrow":
                log.info("keyring entry of %s restored from the online login", cache_path.name)
        wrapped = self._rewrap(cache_path, stored, key, source, escrow, pin)
        if wrapped != stored:
            wrapped.save(key_path)
        return key

    def _recover(self, cache_path: Path, stored: KeyFile | None, escrow: bytes | None, pin: str | None) -> tuple[bytes | None, str]:
        key = self._from_keyring(cache_path, stored)
        if key is not None:
            return key, "keyring"
        if stored is None:
            return None, ""
        if escrow is not None and stored.escrow is not None:
            key = _open_wrap(_escrow_kek(escrow), stored.escrow, _aad(cache_path, "escrow"))
            if key is not None:
                return key, "escrow"
        if pin is not None and stored.pin is not None:
            key = _open_wrap(_pin_kek(pin, stored.pin), stored.pin, _aad(cache_path, "pin"))
            if key is not None:
                return key, "pin"
        return None, ""

    def _from_keyring(self, cache_path: Path, stored: KeyFile | None) -> bytes | None:
        if self.keyring is None:
            return None
        value = self.keyring.get_password(SERVICE, _entry(cache_path))
        if not value:
            return None
        key = base64.b64decode(value)
        if stored is not None and file_salt(key).hex() != stored.key_id:
            log.warning("keyring entry of %s belongs to another key; ignored", cache_path.name)
            return None
        return key

    def _rewrap(self, cache_path: Path, stored: KeyFile | None, key: bytes, source: str, escrow: bytes | None, pin: str | None) -> KeyFile:
        """The key file as it should be now: an escrow wrap for this login's escrow, and a PIN wrap
        only while there is no keyring (with a keyring it is dropped: it is the weaker one)."""
        wrapped = KeyFile(**asdict(stored)) if stored is not None else KeyFile(key_id=file_salt(key).hex())
        if escrow is not None and source != "escrow":
            current = wrapped.escrow and _open_wrap(_escrow_kek(escrow), wrapped.escrow, _aad(cache_path, "escrow"))
            if current != key:
                wrapped.escrow = _seal(_escrow_kek(escrow), key, _aad(cache_path, "escrow"))
        if self.keyring is not None:
            wrapped.pin = None
        elif pin is not None and source != "pin":
            salt = os.urandom(16)
            params: dict[str, str | int] = {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)}
            wrapped.pin = {**params, **_seal(_pin_kek(pin, params), key, _aad(cache_path, "pin"))}
        return wrapped


def _entry(cache_path: Path) -> str:
    return str(cache_path.resolve())


def _aad(cache_path: Path, kind: str) -> bytes:
    return f"xietong-cache-key/v{FORMAT}/{kind}/{cache_path.name}".encode()


def _escrow_kek(escrow: bytes) -> bytes:
    return HKDF(hashes.SHA256(), KEY_BYTES, salt=None, info=b"xietong cache key wrap v1").derive(escrow)


def _pin_kek(pin: str, params: dict[str, str | int]) -> bytes:
    salt = base64.b64decode(str(params["salt"]))
    return Scrypt(salt=salt, length=KEY_BYTES, n=int(params["n"]), r=int(params["r"]), p=int(params["p"])).derive(pin.encode())


def _seal(kek: bytes, key: bytes, aad: bytes) -> dict[str, str]:
    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "ciphertext": _b64(AESGCM(kek).encrypt(nonce, key, aad))}


def _open_wrap(kek: bytes, wrap: dict, aad: bytes) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(base64.b64decode(wrap["nonce"]), base64.b64decode(wrap["ciphertext"]), aad)
    except InvalidTag:
        return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def cache_key(cache_path: Path, escrow: bytes | None = None, pin: str | None = None) -> bytes:
    """The data key of `cache_path` with this computer's keyring: what sign-in passes to open_cache."""
    return CacheKeyStore(system_keyring()).data_key(cache_path, escrow, pin)
