"""SM2 soft certificates: `<name>.p8`, the SM2 private key as PKCS#8 encrypted with the PIN
(PBES2: PBKDF2 with HMAC-SHA-256 and AES-CBC, as `openssl pkcs8 -topk8 -v2 aes-256-cbc
-v2prf hmacWithSHA256` writes it), with `<name>.crt` beside it. Real SM2 keys live on UKeys; this
is the same signer for demos and for units issued SM2 soft certificates."""

from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys, pem
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from app.identity import sm2
from app.identity.key_file import KeyFile, find_key_files
from app.identity.signer import TokenUnreadable, WrongPin
from app.identity.verify import SM2_CURVE, sm2_public_point

SUFFIX = ".p8"
HASHES = {"sha1": hashes.SHA1, "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}


@dataclass(frozen=True)
class Sm2Signer:
    certificate: bytes
    display_name: str
    private_key: int

    def sign(self, message: bytes) -> bytes:
        return sm2.sign(self.private_key, message)


@dataclass(frozen=True)
class Sm2Key(KeyFile):
    def unlock(self, pin: str) -> Sm2Signer:
        private_key = _decrypt(self.read(), pin)
        if sm2.public_point(private_key) != sm2_public_point(self.certificate):
            raise TokenUnreadable(f"{self.path}: the key does not belong to its certificate")
        return Sm2Signer(self.certificate, self.display_name, private_key)


def load_sm2_key(path: Path) -> Sm2Key:
    key = Sm2Key.beside_certificate(path)
    if sm2_public_point(key.certificate) is None:
        raise TokenUnreadable(f"{path}: its certificate is not an SM2 certificate")
    return key


def find_sm2_keys(folder: Path) -> list[Sm2Key]:
    return find_key_files(folder, (SUFFIX,), load_sm2_key)


def _decrypt(data: bytes, pin: str) -> int:
    try:
        info = keys.EncryptedPrivateKeyInfo.load(_der(data))
        scheme = info["encryption_algorithm"]
        if scheme.kdf != "pbkdf2" or scheme.encryption_cipher != "aes" or scheme.encryption_mode != "cbc":
            raise TokenUnreadable(f"unsupported key encryption {scheme.kdf}/{scheme.encryption_cipher}-{scheme.encryption_mode}")
        kdf = PBKDF2HMAC(HASHES[scheme.kdf_hmac](), scheme.key_length, scheme.kdf_salt, scheme.kdf_iterations)
        decryptor = Cipher(algorithms.AES(kdf.derive(pin.encode())), modes.CBC(scheme.encryption_iv)).decryptor()
        padded = decryptor.update(info["encrypted_data"].native) + decryptor.finalize()
    except (ValueError, KeyError) as exc:
        raise TokenUnreadable(f"not an encrypted PKCS#8 key: {exc}") from exc
    try:
        unpadder = padding.PKCS7(128).unpadder()
        plain = keys.PrivateKeyInfo.load(unpadder.update(padded) + unpadder.finalize())
        if plain["private_key_algorithm"]["parameters"].native != SM2_CURVE:
            raise TokenUnreadable("not an SM2 key")
        return plain["private_key"].parsed["private_key"].native
    except ValueError as exc:  # bad padding or garbage: the PIN was wrong
        raise WrongPin() from exc


def _der(data: bytes) -> bytes:
    return pem.unarmor(data)[2] if pem.detect(data) else data
