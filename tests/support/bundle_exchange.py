"""An isolated client's exchange set-up over a real server's demo deployment: the exchange point
uses a demo user's soft certificate as its key (any certificate of the unit's CA would do)."""

import base64
import json
from pathlib import Path

from cryptography import x509

from app.identity.chain import TrustMaterial
from app.identity.p12_key import P12Signer
from app.services.offline_login import MATERIAL_KEY
from app.store import meta
from app.store.blobs import LocalBlobs
from sync.client.bundles import BundleParty
from tests.support.headless_client import HeadlessClient
from tests.support.pki import DEMO_PIN, demo_signer
from tests.support.server_process import ServerProcess

EXCHANGE_LOGIN = "zhouqiang"


def exchange_signer(server: ServerProcess) -> P12Signer:
    return demo_signer(server.tokens_dir, EXCHANGE_LOGIN)


def exchange_args(server: ServerProcess, workdir: Path) -> list[str]:
    pin = workdir / "exchange.pin"
    pin.write_text(DEMO_PIN)
    return ["--key", str(server.tokens_dir / f"{EXCHANGE_LOGIN}.p12"), "--pin-file", str(pin)]


def party_of(client: HeadlessClient, server: ServerProcess, workdir: Path) -> BundleParty:
    """What the isolated machine keeps from its one online enrolment: its key, the anchors it
    trusts, the chain and CRLs of its last online login, and the exchange point's certificate."""
    signer = demo_signer(server.tokens_dir, client.user.login)
    anchors = x509.load_pem_x509_certificates(Path(server.ca_file).read_bytes())
    with client.cache.session() as s:
        material = json.loads(meta.get(s, MATERIAL_KEY))
    chain = [x509.load_der_x509_certificate(base64.b64decode(c)) for c in material["chain"]]
    crls = [x509.load_der_x509_crl(base64.b64decode(c)) for c in material["crls"]]
    exchange = exchange_signer(server).certificate
    return BundleParty(
        client.cache, client.user, client.login.device_id, list(client.login.scopes), signer, signer.key,
        exchange, TrustMaterial(anchors, chain[1:], crls), workdir / "bundles-audit.jsonl", LocalBlobs(workdir / "blobs", client.cache.blob_key),
    )  # fmt: skip

