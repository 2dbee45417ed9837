"""Which algorithms a bundle may use, by policy: `standard` (AES-256-GCM frames; the content key
wrapped by ECIES on P-256 or RSA-OAEP; any signature the identity layer verifies) or `national`
(国密: SM4-GCM frames, the key wrapped by SM2 encryption, an SM2 signature). A side under the
national policy writes only national bundles and refuses to import any other; a side under the
standard policy reads both."""

from app.identity.verify import sm2_public_point
from sync.bundle import ciphers, keywrap
from sync.bundle.format import Header
from sync.bundle.refusals import refused

STANDARD = "standard"
NATIONAL = "national"
POLICIES = (STANDARD, NATIONAL)


def cipher_for(policy: str, signer_certificate: bytes, receiver_certificate: bytes) -> str:
    """The content cipher to write with; raises BundleRefused when the policy needs SM2 keys."""
    if policy != NATIONAL:
        return ciphers.AES
    if sm2_public_point(signer_certificate) is None or sm2_public_point(receiver_certificate) is None:
        raise refused("bundle.national_keys_required")
    return ciphers.SM4


def check(policy: str, header: Header) -> None:
    if policy == NATIONAL and not is_national(header):
        raise refused("bundle.algorithm_not_allowed")


def is_national(header: Header) -> bool:
    return header.cipher == ciphers.SM4 and header.wrapped_key.get("alg") == keywrap.SM2_WRAP and sm2_public_point(header.sender_certificate) is not None
