"""The local file store at rest: nothing readable or telling on disk, a changed, cut or foreign
file refused in words, downloads resumed to the byte, a plain store of the previous version
encrypted in place (also after a start cut short), decrypted copies private and short-lived."""

import hashlib
import os
import stat

import pytest

from app.store.blob_crypto import FRAME, HEADER_BYTES, STORED_FRAME
from app.store.blobs import BlobDamaged, LocalBlobs
from app.store.opened_copies import OpenedCopies
from app.store.plain_blobs import DONE_MARKER, encrypt_plain_blobs

MARKER = "机密：2027年度预算草案".encode()
KEY = os.urandom(32)


def secret_file(folder, frames: float = 2.5) -> tuple[bytes, str]:
    """A file of a few frames with the marker in every one of them."""
    block = MARKER + os.urandom(1000)
    data = (block * (int(frames * FRAME) // len(block) + 1))[: int(frames * FRAME)]
    path = folder / "预算.docx"
    path.write_bytes(data)
    return data, hashlib.sha256(data).hexdigest()


def everything_on_disk(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_the_disk_holds_neither_the_content_nor_its_hash(tmp_path):
    data, sha = secret_file(tmp_path)
    blobs = LocalBlobs(tmp_path / "blobs", KEY)
    assert blobs.add(tmp_path / "预算.docx") == sha
    with blobs.partial(hashlib.sha256(b"other").hexdigest()) as partial:  # a download cut short
        partial.append(data[: FRAME + 100])
    on_disk = everything_on_disk(blobs.folder)
    assert MARKER not in on_disk and data[:64] not in on_disk
    assert not any(sha in str(p) for p in blobs.folder.rglob("*"))  # which known file is here is not told
    assert blobs.size(sha) == len(data) and b"".join(blobs.read(sha)) == data
    assert blobs.read_at(sha, FRAME - 10, 20) == data[FRAME - 10 : FRAME + 10]


def test_a_changed_cut_or_swapped_file_is_refused_in_words(tmp_path):
    _, sha = secret_file(tmp_path)
    blobs = LocalBlobs(tmp_path / "blobs", KEY)
    blobs.add(tmp_path / "预算.docx")
    other = tmp_path / "other.txt"
    other.write_bytes(b"another file")
    other_sha = blobs.add(other)
    good = blobs.file(sha).read_bytes()
    frame = [good[HEADER_BYTES + i * STORED_FRAME : HEADER_BYTES + (i + 1) * STORED_FRAME] for i in range(3)]
    flipped = bytearray(good)
    flipped[HEADER_BYTES + STORED_FRAME + 500] ^= 1
    damaged = {
        "a byte changed": bytes(flipped),
        "cut at a frame boundary": good[: HEADER_BYTES + 2 * STORED_FRAME],
        "cut mid-frame": good[:-7],
        "frames reordered": good[:HEADER_BYTES] + frame[1] + frame[0] + frame[2],
        "another blob's file": blobs.file(other_sha).read_bytes(),
    }
    for why, content in damaged.items():
        blobs.file(sha).write_bytes(content)
        with pytest.raises(BlobDamaged, match="本机保存的文件已损坏或被改动，无法解密") as refused:
            b"".join(blobs.read(sha))
        assert refused.value.sha == sha, why
        with pytest.raises(BlobDamaged):
            blobs.export(sha, tmp_path / "saved.docx")
        assert not list(tmp_path.glob("saved.docx*")), why  # nothing that looks whole is left


def test_another_key_finds_nothing_and_cannot_decrypt(tmp_path):
    _, sha = secret_file(tmp_path, frames=0.5)
    mine = LocalBlobs(tmp_path / "blobs", KEY)
    mine.add(tmp_path / "预算.docx")
    theirs = LocalBlobs(tmp_path / "blobs", os.urandom(32))
    assert not theirs.has(sha)
    theirs.file(sha).parent.mkdir(exist_ok=True)
    theirs.file(sha).write_bytes(mine.file(sha).read_bytes())
    with pytest.raises(BlobDamaged):
        b"".join(theirs.read(sha))


def test_a_download_resumes_to_the_byte_and_a_damaged_end_is_fetched_again(tmp_path):
    data, sha = secret_file(tmp_path)
    blobs = LocalBlobs(tmp_path / "blobs", KEY)
    with blobs.partial(sha) as partial:
        partial.append(data[: FRAME + 1234])
    with blobs.partial(sha) as partial:
        assert partial.offset == FRAME + 1234
        partial.append(data[partial.offset : 2 * FRAME + 10])
    tail = next(blobs.folder.glob("partial/*.tail"))
    tail.write_bytes(tail.read_bytes()[:-1])  # the small tail file damaged: only it is fetched again
    with blobs.partial(sha) as partial:
        assert partial.offset == 2 * FRAME
        partial.append(data[partial.offset :])
        assert partial.finish()
    assert b"".join(blobs.read(sha)) == data and not list(blobs.folder.glob("partial/*"))
    wrong = hashlib.sha256(b"x").hexdigest()
    with blobs.partial(wrong) as partial:
        partial.append(data[:100])
        assert not partial.finish()  # bytes that do not hash to the name are dropped
    assert not blobs.has(wrong) and not list(blobs.folder.glob("partial/*"))


def test_a_plain_store_is_encrypted_in_place_and_a_start_cut_short_carries_on(tmp_path, monkeypatch):
    folder = tmp_path / "cache.sqlite.blobs"
    contents = [MARKER + bytes([i]) * 3000 for i in range(3)]
    shas = [hashlib.sha256(c).hexdigest() for c in contents]
    for sha, content in zip(shas, contents):
        (folder / sha[:2]).mkdir(parents=True, exist_ok=True)
        (folder / sha[:2] / sha).write_bytes(content)
    downloading = hashlib.sha256(b"big").hexdigest()
    (folder / "partial").mkdir()
    (folder / "partial" / downloading).write_bytes(MARKER * 100)
    blobs = LocalBlobs(folder, KEY)

    real_add, added = LocalBlobs.add, []

    def add_then_power_cut(self, source):  # the start is cut short after the first file (simulated)
        if added:
            raise KeyboardInterrupt
        added.append(source)
        return real_add(self, source)

    monkeypatch.setattr(LocalBlobs, "add", add_then_power_cut)
    with pytest.raises(KeyboardInterrupt):
        encrypt_plain_blobs(blobs)
    monkeypatch.setattr(LocalBlobs, "add", real_add)
    assert not (folder / DONE_MARKER).exists()
    assert sum(blobs.has(sha) for sha in shas) == 1  # one done, the others still plain and whole

    assert encrypt_plain_blobs(blobs) == 3  # two files and the partial download
    assert all(b"".join(blobs.read(sha)) == content for sha, content in zip(shas, contents))
    with blobs.partial(downloading) as partial:
        assert partial.offset == len(MARKER) * 100
    assert MARKER not in everything_on_disk(folder) and (folder / DONE_MARKER).exists()
    assert encrypt_plain_blobs(blobs) == 0


def test_the_plain_files_of_the_previous_bundle_folder_move_into_the_store(tmp_path):
    old = tmp_path / "bundles" / "blobs"
    content = MARKER * 10
    sha = hashlib.sha256(content).hexdigest()
    (old / sha[:2]).mkdir(parents=True)
    (old / sha[:2] / sha).write_bytes(content)
    blobs = LocalBlobs(tmp_path / "cache.sqlite.blobs", KEY)
    assert encrypt_plain_blobs(blobs, old) == 1
    assert b"".join(blobs.read(sha)) == content and not (old / sha[:2] / sha).exists()


def test_opened_copies_are_private_and_go_when_cleared(tmp_path):
    data, sha = secret_file(tmp_path, frames=0.2)
    blobs = LocalBlobs(tmp_path / "blobs", KEY)
    blobs.add(tmp_path / "预算.docx")
    copies = OpenedCopies(tmp_path / "cache.sqlite.opened")
    first, second = copies.copy(blobs, sha, "预算.docx"), copies.copy(blobs, sha, "预算.docx")
    assert first != second and first.name == "预算.docx" and first.read_bytes() == data
    assert stat.S_IMODE(copies.folder.stat().st_mode) == 0o700
    copies.clear()
    assert not copies.folder.exists()
