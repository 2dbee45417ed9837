"""Property test (hypothesis): an isolated client publishes, exports, loses sticks, imports
answers late or twice, and now and then syncs online, in any order. After a last online sync
every notice it published is on the server exactly once and nothing waits in its outbox. The
exchange point is `sync/server/bundles` called in-process on the server's database (what the
CLI runs), the server a real process."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.domain.notices import NoticeDraft
from app.store import outbox
from sync.bundle.refusals import BundleRefused
from sync.client.bundles import export_bundle, import_answer
from sync.server.blobs.store import BlobStore
from sync.server.bundles.service import import_ops
from sync.server.database import open_database
from tests.support.bundle_exchange import exchange_signer, party_of
from tests.support.headless_client import sign_in
from tests.support.server_process import start_server

ACTIONS = ("publish", "export", "lose_stick", "exchange", "lose_answer", "import_answer", "import_old_answer", "online_sync")
RUNS = itertools.count()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundle-world")
    server = start_server(folder / "server", f"sqlite:///{folder / 'server.db'}")
    db = open_database(server.database_url)
    yield server, db, folder
    db.close()
    server.stop()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ACTIONS), min_size=1, max_size=14))
def test_no_op_is_lost_or_applied_twice(deployment, actions):
    server, db, folder = deployment
    run = next(RUNS)
    work = folder / f"run{run}"
    client = sign_in(server.url, server.ca_file, server.tokens_dir, "wangxy", work / "cache.sqlite")
    try:
        client.sync()
        party, exchange, blobs = party_of(client, server, work), exchange_signer(server), BlobStore(server.workdir / "var" / "server" / "blobs")
        titles, sticks, answers, counter = [], [], [], itertools.count()
        for action in actions:
            n = next(counter)
            if action == "publish":
                titles.append(f"r{run}-{n}")
                client.notices.publish(NoticeDraft(titles[-1], "正文", client.user.unit_id))
            elif action == "export":
                sticks.append(export_bundle(party, work / f"out{n}.xtb").path)
            elif action == "lose_stick" and sticks:
                sticks.pop()
            elif action == "exchange" and sticks:
                try:
                    import_ops(db, blobs, sticks[-1], work / f"answer{n}.xtb", exchange)
                    answers.append(work / f"answer{n}.xtb")
                except BundleRefused as exc:
                    assert exc.code == "bundle.replayed"
            elif action == "lose_answer" and answers:
                answers.pop()
            elif action.startswith("import_") and answers:
                try:
                    import_answer(party, answers[-1] if action == "import_answer" else answers[0])
                except BundleRefused as exc:
                    assert exc.code == "bundle.replayed"
            elif action == "online_sync":
                client.sync()
        client.sync()
        with client.cache.session() as s:
            assert outbox.pending_count(s) == 0
        with db.sessions() as s:
            for title in titles:
                assert s.execute(text("SELECT count(*) FROM notices WHERE title = :t"), {"t": title}).scalar() == 1
        mine = [n.title for n in client.notices.notices() if n.title.startswith(f"r{run}-")]
        assert sorted(mine) == sorted(titles)
    finally:
        client.close()
