"""Blobs: resumable chunked upload and download, damaged chunks refused, and an op naming a file
the server lacks answered with what is missing (not applied) until the engine uploads it."""

import hashlib
import os
import uuid

import pytest
from sqlalchemy import select

from app.domain.notices import NoticeDraft
from app.services import sync_state
from app.store.blobs import LocalBlobs
from app.store.models import NoticeRow
from sync.client.blobs import BlobTransfer
from sync.client.transport import ServerUnreachable
from sync.server.changelog.models import SeqCounter
from sync.server.database import open_database
from tests.server.helpers import log_in, op
from tests.server.inprocess_clients import inprocess_client

CHUNK = 256 * 1024
KEY = os.urandom(32)  # the local stores' key (a cache's blob_key)


def random_file(folder, size: int):
    path = folder / f"{uuid.uuid4().hex}.bin"
    path.write_bytes(os.urandom(size))
    return path


def puts(session) -> int:
    return sum(path.startswith("/sync/v1/blobs/") and "offset=" in path for path, _ in session.sent)


def test_an_upload_killed_half_way_resumes_from_its_offset(deployment, tmp_path):
    me, session = inprocess_client(deployment, "liming", tmp_path)
    local = LocalBlobs(tmp_path / "blobs", KEY)
    sha = local.add(random_file(tmp_path, 5 * CHUNK + 1000))  # 6 chunks
    calls = iter(range(100))
    session.drop_request = lambda path, _b: "offset=" in path and next(calls) >= 2
    with pytest.raises(ServerUnreachable):
        BlobTransfer(me.transport, local, CHUNK).upload(sha)
    assert me.transport.blob_status(sha).offset == 2 * CHUNK
    session.drop_request = lambda _p, _b: False
    seen: list[tuple[int, int]] = []
    BlobTransfer(me.transport, local, CHUNK).upload(sha, lambda done, total: seen.append((done, total)))
    assert puts(session) == 6  # 2 before the cut, 4 after: nothing sent twice
    assert me.transport.blob_status(sha).state == "complete"
    assert seen[-1] == (5 * CHUNK + 1000,) * 2 and len(seen) == 4


def test_a_download_killed_half_way_resumes_and_is_verified(deployment, tmp_path):
    me, session = inprocess_client(deployment, "liming", tmp_path)
    source = LocalBlobs(tmp_path / "source", KEY)
    original = random_file(tmp_path, 3 * CHUNK + 5)
    sha = source.add(original)
    BlobTransfer(me.transport, source, CHUNK).upload(sha)
    target = LocalBlobs(tmp_path / "target", KEY)
    calls = iter(range(100))
    session.drop_request = lambda path, _b: path.endswith(f"length={CHUNK}") and next(calls) >= 1
    with pytest.raises(ServerUnreachable):
        BlobTransfer(me.transport, target, CHUNK).download(sha, original.stat().st_size)
    with target.partial(sha) as partial:
        assert not target.has(sha) and partial.offset == CHUNK
    session.drop_request = lambda _p, _b: False
    BlobTransfer(me.transport, target, CHUNK).download(sha, original.stat().st_size)
    assert b"".join(target.read(sha)) == original.read_bytes()


def test_a_damaged_chunk_is_refused_and_nothing_lands(client, tokens):
    me = log_in(client, tokens, "liming")
    data = os.urandom(1000)
    sha = hashlib.sha256(data).hexdigest()
    damaged = bytes([data[0] ^ 1]) + data[1:]
    answer = client.put(f"/sync/v1/blobs/{sha}?offset=0&total=1000", content=damaged, headers={**me.headers, "Chunk-Sha256": hashlib.sha256(data).hexdigest()})
    assert answer.status_code == 422 and answer.json()["detail"]["code"] == "blob.chunk_corrupt"
    assert client.get(f"/sync/v1/blobs/{sha}", headers=me.headers).json()["state"] == "missing"
    # A chunk that matches its own hash but makes a file that is not `sha`: discarded at the end.
    lie = client.put(f"/sync/v1/blobs/{sha}?offset=0&total=1000", content=damaged, headers={**me.headers, "Chunk-Sha256": hashlib.sha256(damaged).hexdigest()})
    assert lie.status_code == 422 and lie.json()["detail"]["code"] == "blob.hash_mismatch"
    assert client.get(f"/sync/v1/blobs/{sha}", headers=me.headers).json()["state"] == "missing"


def test_a_chunk_at_the_wrong_offset_names_the_right_one(client, tokens):
    me = log_in(client, tokens, "liming")
    data = os.urandom(2000)
    sha = hashlib.sha256(data).hexdigest()
    first = client.put(f"/sync/v1/blobs/{sha}?offset=0&total=2000", content=data[:1000], headers={**me.headers, "Chunk-Sha256": hashlib.sha256(data[:1000]).hexdigest()})
    assert first.json()["state"] == "partial" and first.json()["offset"] == 1000
    skip = client.put(f"/sync/v1/blobs/{sha}?offset=1500&total=2000", content=data[1500:], headers={**me.headers, "Chunk-Sha256": hashlib.sha256(data[1500:]).hexdigest()})
    assert skip.status_code == 409 and skip.json()["detail"]["expected_offset"] == 1000


def test_blobs_need_a_login_and_a_well_formed_name(client):
    assert client.get("/sync/v1/blobs/" + "a" * 64).status_code == 401
    assert client.get("/sync/v1/blobs/not-a-hash", headers={"Authorization": "Bearer x"}).status_code in (401, 422)


def test_an_op_naming_a_missing_blob_is_answered_with_what_is_missing(deployment, client, tokens):
    me = log_in(client, tokens, "wangxy")
    sha = hashlib.sha256(uuid.uuid4().bytes).hexdigest()
    args = {"id": uuid.uuid4().hex, "title": "附件通知", "body": "见附件。", "audience": "u01", "attachments": [{"name": "a.pdf", "sha256": sha, "size": 16}]}
    db = open_database(deployment.database_url)
    with db.sessions() as s:
        before = s.scalar(select(SeqCounter.value))
    ops = [op("notice.publish", args, me.next_seq), op("notice.read", {"notice_id": "x"}, me.next_seq + 1)]
    [answer] = me.push_raw(ops).json()["results"]  # the batch stops at the blocked op
    assert (answer["status"], answer["code"], answer["result"]) == ("missing_blobs", "sync.blob_missing", {"missing": [sha]})
    with db.sessions() as s:
        assert s.scalar(select(SeqCounter.value)) == before
    db.close()
    content = uuid.uuid4().bytes
    real = hashlib.sha256(content).hexdigest()
    client.put(f"/sync/v1/blobs/{real}?offset=0&total=16", content=content, headers={**me.headers, "Chunk-Sha256": real})
    args["attachments"][0]["sha256"] = real
    again = me.push_raw([op("notice.publish", args, me.next_seq)]).json()["results"]  # the same number is still free
    assert again[0]["status"] == "applied"


def test_the_engine_uploads_attachments_before_the_op_and_others_download_them(deployment, tmp_path):
    local = LocalBlobs(tmp_path / "office-blobs", KEY)
    office, session = inprocess_client(deployment, "chenjg", tmp_path)
    office.engine.blobs = BlobTransfer(office.transport, local, CHUNK)
    source = random_file(tmp_path, CHUNK + 10)
    sha = local.add(source)
    office.notices.publish(NoticeDraft("附件：会议议程", "议程见附件。", "u01"), [{"name": "议程.docx", "sha256": sha, "size": CHUNK + 10}])
    progress: list[tuple[str, int, int]] = []
    report = office.engine.sync_once(lambda stage, done, total: progress.append((stage, done, total)))
    assert report.pushed == 1 and not report.rejected
    assert ("upload", CHUNK + 10, CHUNK + 10) in progress
    clerk, _ = inprocess_client(deployment, "wangxy", tmp_path / "clerk")
    clerk.sync()
    [notice] = [n for n in clerk.notices.notices() if n.title == "附件：会议议程"]
    with clerk.cache.session() as s:
        [attachment] = s.get(NoticeRow, notice.id).attachments
    clerk_blobs = LocalBlobs(tmp_path / "clerk-blobs", KEY)
    BlobTransfer(clerk.transport, clerk_blobs, CHUNK).download(attachment["sha256"], attachment["size"])
    assert b"".join(clerk_blobs.read(attachment["sha256"])) == source.read_bytes()


def test_an_attachment_lost_locally_is_refused_here_and_the_queue_moves_on(deployment, tmp_path):
    office, _ = inprocess_client(deployment, "chenjg", tmp_path)
    ghost = hashlib.sha256(uuid.uuid4().bytes).hexdigest()
    office.notices.publish(NoticeDraft("附件丢失", "正文", "u01"), [{"name": "x.pdf", "sha256": ghost, "size": 3}])
    office.notices.publish(NoticeDraft("其后的通知", "正文", "u01"))
    office.sync()
    report = office.sync()
    state = sync_state.read(office.cache)
    assert [r.code for r in state.rejections] == ["client.blob_lost"] and state.pending == 0
    assert "其后的通知" in {n.title for n in office.notices.notices() if not n.pending}
    assert report.server_time > 0


def test_an_attachment_damaged_locally_is_refused_here_in_words_and_the_queue_moves_on(deployment, tmp_path):
    local = LocalBlobs(tmp_path / "office-blobs", KEY)
    office, _ = inprocess_client(deployment, "chenjg", tmp_path)
    office.engine.blobs = BlobTransfer(office.transport, local, CHUNK)
    sha = local.add(random_file(tmp_path, CHUNK + 10))
    local.file(sha).write_bytes(local.file(sha).read_bytes()[:-1])  # cut short on disk
    office.notices.publish(NoticeDraft("附件损坏", "正文", "u01"), [{"name": "x.pdf", "sha256": sha, "size": CHUNK + 10}])
    office.notices.publish(NoticeDraft("其后的通知", "正文", "u01"))
    office.sync()
    office.sync()
    state = sync_state.read(office.cache)
    assert [(r.code, "已损坏" in r.message) for r in state.rejections] == [("client.blob_damaged", True)] and state.pending == 0
    assert "其后的通知" in {n.title for n in office.notices.notices() if not n.pending}


def test_only_readers_of_a_scope_naming_a_blob_and_its_uploader_may_download_it(client, tokens):
    office = log_in(client, tokens, "chenjg")  # 市人民政府办公室 (u01)
    colleague = log_in(client, tokens, "wangxy")  # same unit
    county = log_in(client, tokens, "zhouqiang")  # 如皋市人民政府: not addressed
    content = uuid.uuid4().bytes * 4
    sha = hashlib.sha256(content).hexdigest()
    url = f"/sync/v1/blobs/{sha}/content?offset=0&length=64"
    client.put(f"/sync/v1/blobs/{sha}?offset=0&total={len(content)}", content=content, headers={**office.headers, "Chunk-Sha256": sha})
    assert client.get(url, headers=office.headers).content == content  # the uploader reads back
    assert client.get(url, headers=colleague.headers).status_code == 404  # not yet named anywhere
    args = {"id": uuid.uuid4().hex, "title": "内部通知", "body": "见附件。", "audience": "u01", "attachments": [{"name": "a.bin", "sha256": sha, "size": len(content)}]}
    assert office.push(("notice.publish", args)).json()["results"][0]["status"] == "applied"
    assert client.get(url, headers=colleague.headers).content == content
    refused = client.get(url, headers=county.headers)
    assert refused.status_code == 404 and refused.json()["detail"]["code"] == "blob.missing"
