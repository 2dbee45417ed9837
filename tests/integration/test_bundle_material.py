"""What else an answer 交换包 brings an isolated machine, and what a unit's 密级 ceiling keeps out:
the server's current CRLs go into what offline login checks, a client update package is left for
IT, a CRL from an unknown CA refuses the answer, and ops above the ceiling are refused at the
exchange point with nothing applied. One real server, shared with the relay tests."""

import base64
import json
import time
from dataclasses import replace

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import text

from app.domain.notices import NoticeDraft
from app.services import offline_login
from app.store import meta, outbox
from sync.bundle.refusals import BundleRefused
from sync.bundle.writer import BundleWriter
from sync.client.bundles import export_bundle, import_answer
from sync.server.blobs.store import BlobStore
from sync.server.bundles.service import ExchangeRules, import_ops
from sync.server.database import open_database
from sync.server.pki import ca as authority
from tests.support.bundle_exchange import exchange_args, exchange_signer, party_of
from tests.support.bundle_parties import NOW, new_ca
from tests.support.headless_client import sign_in
from tests.support.server_process import run_cli


@pytest.fixture
def server(bundle_server):
    return bundle_server


@pytest.fixture
def isolated(server, tmp_path):
    client = sign_in(server.url, server.ca_file, server.tokens_dir, "wangxy", tmp_path / "isolated.sqlite")
    client.sync()
    yield client
    client.close()


def kept_crls(client) -> list[x509.CertificateRevocationList]:
    with client.cache.session() as s:
        return [x509.load_der_x509_crl(base64.b64decode(c)) for c in json.loads(meta.get(s, offline_login.MATERIAL_KEY))["crls"]]


def test_an_answer_brings_a_newer_crl_for_offline_login_and_an_update_for_it(server, isolated, tmp_path):
    party = replace(party_of(isolated, server, tmp_path), updates_dir=tmp_path / "updates")
    before = {crl.issuer: crl.last_update_utc for crl in kept_crls(isolated)}
    time.sleep(1.1)  # CRL times have one-second resolution: the new one must be later
    assert run_cli(server, "admin", "crl", "--ca", str(server.pki_dir / "user-ca")).returncode == 0
    package = tmp_path / "xietong-2.0.0.msi"
    package.write_bytes(b"MSI" + bytes(range(256)) * 100)

    out = tmp_path / "out.xtb"
    export_bundle(party, out)
    done = run_cli(server, "bundle", "import", str(out), "--out", str(tmp_path / "answer.xtb"), "--update", str(package), "--update-version", "2.0.0", *exchange_args(server, tmp_path))
    assert done.returncode == 0, done.stderr
    report = import_answer(party, tmp_path / "answer.xtb")

    assert report.crls == 1
    newer = [crl for crl in kept_crls(isolated) if crl.last_update_utc > before.get(crl.issuer, NOW)]
    assert len(newer) == 1 and len(kept_crls(isolated)) == len(before)  # replaced, not added
    offline_login.check(isolated.cache, party.signer, party.trust.anchors, time.time())  # offline login checks the new one and passes
    assert report.update == party.updates_dir / package.name and report.update.read_bytes() == package.read_bytes()
    note = json.loads((party.updates_dir / f"{package.name}.json").read_text(encoding="utf-8"))
    assert (note["version"], note["size"]) == ("2.0.0", package.stat().st_size)
    assert [p.name for p in party.updates_dir.iterdir() if p.suffix == ".partial"] == []


def test_an_answer_with_a_crl_from_an_unknown_ca_is_refused_with_nothing_applied(server, isolated, tmp_path):
    party = party_of(isolated, server, tmp_path)
    isolated.notices.publish(NoticeDraft("等回执的通知", "正文", isolated.user.unit_id))
    stranger = new_ca("冒充的CA")
    forged = authority.sign_crl(stranger, [], NOW, days=7, number=9)
    answer = tmp_path / "forged.xtb"
    with BundleWriter(answer, "answer", exchange_signer(server), party.signer.certificate, 99) as w:
        w.add("results", {"results": [], "server_time": time.time()})
        w.add("crl", {"der": base64.b64encode(forged.public_bytes(Encoding.DER)).decode()})
        w.close()
    crls_before = kept_crls(isolated)

    with pytest.raises(BundleRefused) as refused:
        import_answer(party, answer)
    assert refused.value.code == "bundle.bad_crl" and "证书吊销列表" in refused.value.message
    assert [c.public_bytes(Encoding.DER) for c in kept_crls(isolated)] == [c.public_bytes(Encoding.DER) for c in crls_before]
    with isolated.cache.session() as s:
        assert outbox.pending_count(s) == 1


def test_ops_above_the_exchange_points_密级_ceiling_are_refused_with_nothing_applied(server, isolated, tmp_path):
    """公文 ops are not synced yet (built on another branch): a synthetic op declaring 机密 stands
    for a 机密 document; the check reads only the declared 密级."""
    party = party_of(isolated, server, tmp_path)
    out = tmp_path / "secret.xtb"
    with BundleWriter(out, "ops", party.signer, party.exchange_certificate, 50) as w:
        w.add("pull", {"device_id": party.device_id, "cursors": {}, "limit": 500})
        w.add("push", {"device_id": party.device_id, "ops": [{"op_id": "c0ffee00-0000-4000-8000-000000000001", "client_seq": 1, "name": "notice.publish",
                                                             "args": {"title": "机密文件", "classification": "机密"}}]})  # fmt: skip
        w.close()
    db = open_database(server.database_url)
    try:
        with pytest.raises(BundleRefused) as refused:
            import_ops(db, BlobStore(server.workdir / "var" / "server" / "blobs"), out, tmp_path / "a.xtb", exchange_signer(server), rules=ExchangeRules(ceiling="秘密"))
        assert refused.value.code == "bundle.above_ceiling" and "机密" in refused.value.message and "秘密" in refused.value.message
        with db.sessions() as s:
            assert s.execute(text("SELECT count(*) FROM applied_ops WHERE op_id LIKE 'c0ffee00%'")).scalar() == 0
            assert "code=bundle.above_ceiling" in s.execute(text("SELECT detail FROM audit_events WHERE event = 'bundle.refused' ORDER BY id DESC")).scalar()
    finally:
        db.close()
    assert not (tmp_path / "a.xtb").exists()
