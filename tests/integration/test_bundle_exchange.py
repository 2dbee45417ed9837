"""An isolated unit (涉密单位) syncs by 交换包 only: its client exports, the exchange point runs
`xietong-server bundle import` against the real server's database, the client imports the
answer. The op is applied once however often the stick travels, and the isolated cache ends as
an online client's would."""

import hashlib
import json
import os
from contextlib import ExitStack
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, text

from app.domain.notices import NoticeDraft
from app.identity.p12_key import load_p12_key
from app.store import outbox
from app.store.blobs import LocalBlobs
from sync.bundle.refusals import BundleRefused
from sync.client.bundles import export_bundle, import_answer
from tests.support.bundle_exchange import exchange_args, party_of
from sync.server.blobs.store import BlobStore
from sync.server.pki.admin import load_ca
from tests.support.headless_client import sign_in
from tests.support.postgres import BACKENDS, fresh_database
from tests.support.pki import DEMO_PIN, demo_signer, write_p12
from tests.support.server_process import run_cli, start_server


@pytest.fixture(params=["sqlite"])
def server(request, tmp_path):
    """The exchange point's server on SQLite; tests parametrized with BACKENDS run on both."""
    with ExitStack() as stack:
        url = f"sqlite:///{tmp_path / 'server.db'}" if request.param == "sqlite" else stack.enter_context(fresh_database())
        server = start_server(tmp_path / "server", url)
        stack.callback(server.stop)
        yield server


@pytest.fixture
def isolated(server, tmp_path):
    """Enrolled once online (device registered, first state pulled), then never online again."""
    client = sign_in(server.url, server.ca_file, server.tokens_dir, "wangxy", tmp_path / "isolated.sqlite")
    client.sync()
    yield client
    client.close()


def carry(server, party, tmp_path, name: str):
    """One trip of the stick: export, import at the exchange point, and the answer file."""
    out, answer = tmp_path / f"{name}.xtb", tmp_path / f"{name}-answer.xtb"
    export_bundle(party, out)
    done = run_cli(server, "bundle", "import", str(out), "--out", str(answer), *exchange_args(server, tmp_path))
    assert done.returncode == 0, done.stderr
    return out, answer


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_an_isolated_clients_notice_is_applied_once_and_its_state_matches_online_sync(server, isolated, tmp_path):
    party = party_of(isolated, server, tmp_path)
    isolated.notices.publish(NoticeDraft("涉密单位通知", "请于周五前报送材料。", isolated.user.unit_id))

    lost_out, lost_answer = carry(server, party, tmp_path, "lost")  # this answer never comes back
    out, answer = carry(server, party, tmp_path, "second")  # the same op travels again
    report = import_answer(party, answer)

    assert report.applied == 1 and not report.rejected
    [notice] = [n for n in isolated.notices.notices() if n.title == "涉密单位通知"]
    assert not notice.pending
    online = sign_in(server.url, server.ca_file, server.tokens_dir, "wangxy", tmp_path / "online.sqlite")
    try:
        online.sync()
        assert [n.title for n in online.notices.notices()].count("涉密单位通知") == 1
        assert _notices(isolated) == _notices(online)
    finally:
        online.close()

    again = run_cli(server, "bundle", "import", str(out), "--out", str(tmp_path / "again.xtb"), *exchange_args(server, tmp_path))
    assert again.returncode == 1 and "bundle.replayed" in again.stderr
    with pytest.raises(BundleRefused) as refused:
        import_answer(party, lost_answer)  # older than the answer already imported
    assert refused.value.code == "bundle.replayed"
    assert export_bundle(party, tmp_path / "empty.xtb").ops == 0


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_files_travel_with_the_ops_and_come_back_with_the_rows(server, isolated, tmp_path):
    party = party_of(isolated, server, tmp_path)
    source = tmp_path / "附件.bin"
    source.write_bytes(os.urandom(3 * 1024 * 1024 + 5))
    sha = party.blobs.add(source)
    attachment = {"name": "附件.bin", "sha256": sha, "size": source.stat().st_size}
    isolated.notices.publish(NoticeDraft("带附件的通知", "见附件。", isolated.user.unit_id), attachments=[attachment])

    _, answer = carry(server, party, tmp_path, "files")
    assert BlobStore(server.workdir / "var" / "server" / "blobs").has(sha)
    elsewhere = replace(party, blobs=LocalBlobs(tmp_path / "other-blobs", party.cache.blob_key))  # a machine without the file
    report = import_answer(elsewhere, answer)
    assert report.applied == 1 and report.blobs == 1
    assert b"".join(elsewhere.blobs.read(sha)) == source.read_bytes()


def test_an_op_whose_file_is_not_on_the_stick_waits_for_it(server, isolated, tmp_path):
    party = party_of(isolated, server, tmp_path)
    source = tmp_path / "正文.bin"
    source.write_bytes(os.urandom(4096))
    attachment = {"name": "正文.bin", "sha256": hashlib.sha256(source.read_bytes()).hexdigest(), "size": 4096}
    isolated.notices.publish(NoticeDraft("等文件的通知", "见附件。", isolated.user.unit_id), attachments=[attachment])

    report = import_answer(party, carry(server, party, tmp_path, "without")[1])
    assert (report.applied, report.rejected) == (0, [])
    with isolated.cache.session() as s:
        assert outbox.pending_count(s) == 1
    party.blobs.add(source)
    assert import_answer(party, carry(server, party, tmp_path, "with")[1]).applied == 1


def test_both_sides_audit_who_when_and_the_file_hash(server, isolated, tmp_path):
    party = party_of(isolated, server, tmp_path)
    isolated.notices.publish(NoticeDraft("审计测试", "正文", isolated.user.unit_id))
    out, answer = carry(server, party, tmp_path, "one")
    import_answer(party, answer)

    lines = [json.loads(line) for line in party.audit_log.read_text(encoding="utf-8").splitlines()]
    assert [(e["event"], e["person_id"]) for e in lines] == [("bundle.export", isolated.user.id), ("bundle.import", isolated.user.id)]
    assert all(len(e["sha256"]) == 64 and e["at"] > 0 for e in lines)
    engine = create_engine(server.database_url)
    with engine.connect() as c:
        events = c.execute(text("SELECT event, person_id, detail FROM audit_events WHERE event LIKE 'bundle.%' ORDER BY id")).all()
    engine.dispose()
    assert [(e, p) for e, p, _ in events] == [("bundle.import", isolated.user.id), ("bundle.export", isolated.user.id)]
    assert lines[0]["sha256"] in events[0][2] and lines[1]["sha256"] in events[1][2]


def test_a_refused_bundle_is_audited_and_applies_nothing(server, isolated, tmp_path):
    party = party_of(isolated, server, tmp_path)
    isolated.notices.publish(NoticeDraft("不应到达", "正文", isolated.user.unit_id))
    out = tmp_path / "cut.xtb"
    export_bundle(party, out)
    out.write_bytes(out.read_bytes()[:-10])
    done = run_cli(server, "bundle", "import", str(out), "--out", str(tmp_path / "a.xtb"), *exchange_args(server, tmp_path))
    assert done.returncode == 1 and "bundle.truncated" in done.stderr and "不完整" in done.stderr
    assert not (tmp_path / "a.xtb").exists()
    engine = create_engine(server.database_url)
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM audit_events WHERE event = 'bundle.refused'")).scalar() == 1
        assert c.execute(text("SELECT count(*) FROM applied_ops")).scalar() == 0
    engine.dispose()


@pytest.mark.parametrize("case", ["signer bound to nobody", "bundle for another receiver"])
def test_the_exchange_point_refuses_foreign_bundles(server, isolated, tmp_path, case):
    party = party_of(isolated, server, tmp_path)
    isolated.notices.publish(NoticeDraft("不应到达", "正文", isolated.user.unit_id))
    if case == "signer bound to nobody":  # a valid certificate of the same CA, never mapped to a person
        stranger = load_p12_key(write_p12(tmp_path / "keys", "stranger", "陌生人", "如东县保密局", ca=load_ca(server.pki_dir / "user-ca"))).unlock(DEMO_PIN)
        party, code = replace(party, signer=stranger, key=stranger.key), "bundle.sender_unknown"
    else:
        party, code = replace(party, exchange_certificate=demo_signer(server.tokens_dir, "liming").certificate), "bundle.wrong_receiver"
    out = tmp_path / "foreign.xtb"
    export_bundle(party, out)
    done = run_cli(server, "bundle", "import", str(out), "--out", str(tmp_path / "a.xtb"), *exchange_args(server, tmp_path))
    assert done.returncode == 1 and code in done.stderr
    engine = create_engine(server.database_url)
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM applied_ops")).scalar() == 0
    engine.dispose()


def _notices(client) -> list[tuple]:
    return sorted((n.id, n.title, n.publisher_name, n.audience, n.published_at, n.pending) for n in client.notices.notices())
