"""The content ciphers a bundle's frames are sealed with, by the name its header carries.

`aes-256-gcm` is the default; `sm4-gcm` (GB/T 32907 SM4 in GCM, as GB/T 36624 and RFC 8998 use
it: 128-bit key, 12-byte nonce, 16-byte tag) is for policies requiring the national algorithms.
Both come from `cryptography` (OpenSSL). A frame that does not authenticate raises InvalidTag.
"""

import os
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

AES = "aes-256-gcm"
SM4 = "sm4-gcm"
KEY_BYTES = {AES: 32, SM4: 16}
TAG_BYTES = 16


class Aead(Protocol):
    def encrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes: ...

    def decrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes: ...


class Sm4Gcm:
    """The AESGCM interface over SM4: ciphertext || tag."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def encrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        encryptor = Cipher(algorithms.SM4(self._key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(aad)
        return encryptor.update(data) + encryptor.finalize() + encryptor.tag

    def decrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        if len(data) < TAG_BYTES:
            raise InvalidTag()
        decryptor = Cipher(algorithms.SM4(self._key), modes.GCM(nonce, data[-TAG_BYTES:])).decryptor()
        decryptor.authenticate_additional_data(aad)
        return decryptor.update(data[:-TAG_BYTES]) + decryptor.finalize()


def new_key(cipher: str) -> bytes:
    return os.urandom(KEY_BYTES[cipher])


def aead(cipher: str, key: bytes) -> Aead:
    if len(key) != KEY_BYTES[cipher]:
        raise ValueError("content key of the wrong size")
    return AESGCM(key) if cipher == AES else Sm4Gcm(key)
