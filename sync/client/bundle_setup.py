"""The isolated machine's 交换包 set-up from what it already has: the signed-in key, the anchors
of its configuration, the chain and CRLs its last online login kept (offline_login material),
and the exchange point's certificate that IT deploys beside the anchors."""

import base64
import json
import shutil
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from app.identity.chain import TrustMaterial
from app.identity.signer import Signer
from app.services.account import User
from app.services.files import local_blobs
from app.services.offline_login import MATERIAL_KEY
from app.store import meta
from app.store.cache import Cache
from app.store.plain_blobs import encrypt_plain_blobs
from sync.bundle.keywrap import receiver_key_of
from sync.client.bundles import BundleParty

AUDIT_FILE = "bundles-audit.jsonl"


def isolated_party(
    cache: Cache, user: User, device_id: str, scopes: list[str], signer: Signer, exchange_certificate: Path,
    anchors: list[x509.Certificate], folder: Path, algorithms: str = "standard", ceiling: str = "",
) -> BundleParty:  # fmt: skip
    """`folder` holds the audit file and the updates left for IT; files (blobs) go and come from
    the cache's own (encrypted) store, where the files and 公文 services put and look for them.
    The plain `folder/blobs` of the previous version is moved into it and removed."""
    local = local_blobs(cache)
    encrypt_plain_blobs(local, folder / "blobs")
    shutil.rmtree(folder / "blobs", ignore_errors=True)
    with cache.session() as s:
        raw = meta.get(s, MATERIAL_KEY)
    material = json.loads(raw) if raw else {"chain": [], "crls": []}
    chain = [x509.load_der_x509_certificate(base64.b64decode(c)) for c in material["chain"]]
    crls = [x509.load_der_x509_crl(base64.b64decode(c)) for c in material["crls"]]
    return BundleParty(
        cache, user, device_id, scopes, signer, receiver_key_of(signer), _der(exchange_certificate), TrustMaterial(anchors, chain[1:], crls),
        folder / AUDIT_FILE, local, algorithms, ceiling or None, folder / "updates",
    )  # fmt: skip


def _der(path: Path) -> bytes:
    data = path.read_bytes()
    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificate(data).public_bytes(Encoding.DER)
    return data
