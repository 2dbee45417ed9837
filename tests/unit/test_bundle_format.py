"""交换包 format: what goes in comes out, and every damaged, foreign or replayed file is refused
with its reason before anything is handed to the importer."""

import hashlib
import os
from pathlib import Path

import pytest
from cryptography import x509

from sync.bundle.format import FRAME, MAGIC, U32
from sync.bundle.reader import Expectation, open_bundle
from sync.bundle.refusals import BundleRefused
from sync.bundle.writer import BundleWriter
from tests.support.bundle_parties import NOW, Party, new_ca, party, trust

CA = new_ca()
CLERK = party(CA, "张三", "如东县保密局")
EXCHANGE = party(CA, "交换站", "南通市人民政府办公室")
OTHER_RECEIVER = party(CA, "李四", "海安市人民政府办公室")


def write(path: Path, sender: Party = CLERK, receiver: Party = EXCHANGE, seq: int = 1, blob: bytes = b"", records: int = 3) -> Path:
    with BundleWriter(path, "ops", sender.signer, receiver.certificate, seq) as w:
        for i in range(records):
            w.add("push", {"device_id": "dev-1", "ops": [{"op_id": f"op-{i}", "n": i, "text": "收文登记"}]})
        if blob:
            source = path.with_name("blob.bin")
            source.write_bytes(blob)
            w.add_blob(_sha(blob), source)
        w.add("pull", {"cursors": {"unit:x": 7}})
        w.close()
    return path


def expect(receiver: Party = EXCHANGE, last_seq: int = 0, **changes) -> Expectation:
    return Expectation(**{"kind": "ops", "receiver_key": receiver.key, "receiver_certificate": receiver.certificate, "trust": trust(CA), "last_seq": lambda _sender: last_seq, "now": NOW, **changes})


def read_all(path: Path, expectation: Expectation) -> list[tuple[str, dict, bytes]]:
    bundle = open_bundle(path, expectation)
    return [(r.kind, r.body, b"".join(r.blob or ())) for r in bundle.records()]


def refusal(path: Path, expectation: Expectation | None = None) -> str:
    with pytest.raises(BundleRefused) as caught:
        open_bundle(path, expectation or expect())
    assert caught.value.message  # a sentence for the clerk
    return caught.value.code


def test_records_and_blobs_come_back_in_order(tmp_path):
    blob = os.urandom(3 * 1024 * 1024 + 17)  # several frames
    path = write(tmp_path / "a.xtb", blob=blob)
    got = read_all(path, expect())
    assert [k for k, _, _ in got] == ["push", "push", "push", "blob", "pull"]
    assert got[0][1]["ops"][0]["text"] == "收文登记"
    assert got[3][2] == blob and got[4][1] == {"cursors": {"unit:x": 7}}


def test_progress_reports_records_and_bytes(tmp_path):
    written, read = [], []
    with BundleWriter(tmp_path / "p.xtb", "ops", CLERK.signer, EXCHANGE.certificate, 1, progress=lambda n, b: written.append((n, b))) as w:
        for i in range(5):
            w.add("push", {"i": i})
        w.close()
    bundle = open_bundle(tmp_path / "p.xtb", expect(), progress=lambda n, b, total: read.append((n, b, total)))
    size = (tmp_path / "p.xtb").stat().st_size
    assert written[-1] == (5, size)
    assert read[-1][1:] == (size - U32.size - _signature_size(tmp_path / "p.xtb"), size)
    assert bundle.records_count == 5


def test_an_rsa_receiver_gets_the_key_by_oaep(tmp_path):
    receiver = party(CA, "交换站RSA", "南通市人民政府办公室", rsa_key=True)
    path = write(tmp_path / "r.xtb", receiver=receiver)
    assert [k for k, _, _ in read_all(path, expect(receiver))] == ["push", "push", "push", "pull"]


def test_no_partial_file_is_left_when_export_fails(tmp_path):
    with pytest.raises(RuntimeError), BundleWriter(tmp_path / "x.xtb", "ops", CLERK.signer, EXCHANGE.certificate, 1) as w:
        w.add("push", {})
        raise RuntimeError("stick pulled out")
    assert list(tmp_path.iterdir()) == []


def test_a_bad_signature_is_refused(tmp_path):
    path = write(tmp_path / "s.xtb")
    data = bytearray(path.read_bytes())
    data[-1] ^= 0x01
    path.write_bytes(bytes(data))
    assert refusal(path) == "bundle.bad_signature"


def test_a_signature_by_another_key_than_the_certificates_is_refused(tmp_path):
    impostor = Party(type(CLERK.signer)(CLERK.certificate, "冒充者", party(CA, "王五", "如东县保密局").key), CLERK.key)
    assert refusal(write(tmp_path / "i.xtb", sender=impostor)) == "bundle.bad_signature"


def test_a_signer_from_another_ca_is_refused(tmp_path):
    stranger = party(new_ca("外部CA"), "赵六", "如东县保密局")
    assert refusal(write(tmp_path / "u.xtb", sender=stranger)) == "bundle.signer_untrusted"


def test_a_revoked_signer_is_refused(tmp_path):
    serial = x509.load_der_x509_certificate(CLERK.certificate).serial_number
    assert refusal(write(tmp_path / "v.xtb"), expect(trust=trust(CA, revoked=[serial]))) == "bundle.signer_untrusted"


def test_a_signer_of_another_unit_is_refused(tmp_path):
    path = write(tmp_path / "n.xtb")
    assert refusal(path, expect(allowed_units=frozenset({"海门区保密局"}))) == "bundle.signer_not_allowed"
    assert read_all(path, expect(allowed_units=frozenset({"如东县保密局"})))


def test_an_answer_from_another_certificate_than_the_exchange_points_is_refused(tmp_path):
    path = write(tmp_path / "e.xtb", sender=party(CA, "王五", "如东县保密局"))
    assert refusal(path, expect(sender_sha256=hashlib.sha256(CLERK.certificate).hexdigest())) == "bundle.signer_not_allowed"


def test_a_bundle_for_another_receiver_is_refused(tmp_path):
    path = write(tmp_path / "o.xtb", receiver=OTHER_RECEIVER)
    assert refusal(path) == "bundle.wrong_receiver"


def test_an_answer_imported_as_ops_is_refused(tmp_path):
    path = write(tmp_path / "k.xtb")
    assert refusal(path, expect(kind="answer")) == "bundle.unexpected_kind"


@pytest.mark.parametrize("last_seq", [5, 6])
def test_a_replayed_or_older_bundle_is_refused(tmp_path, last_seq):
    assert refusal(write(tmp_path / "q.xtb", seq=5), expect(last_seq=last_seq)) == "bundle.replayed"


def test_a_newer_bundle_of_the_same_sender_is_accepted(tmp_path):
    assert read_all(write(tmp_path / "q.xtb", seq=6), expect(last_seq=5))


@pytest.mark.parametrize("cut", ["in the header", "half way", "in the signature"])
def test_a_truncated_file_is_refused(tmp_path, cut):
    path = write(tmp_path / "t.xtb", blob=os.urandom(2 * 1024 * 1024))
    data = path.read_bytes()
    keep = {"in the header": 40, "half way": len(data) // 2, "in the signature": len(data) - 1}[cut]
    path.write_bytes(data[:keep])
    assert refusal(path) == "bundle.truncated"


def test_a_file_cut_at_a_frame_boundary_is_refused(tmp_path):
    path = write(tmp_path / "b.xtb", blob=os.urandom(2 * 1024 * 1024))
    frames = _frame_spans(path)
    path.write_bytes(path.read_bytes()[: frames[0][1]])  # only the first frame, no final one
    assert refusal(path) == "bundle.truncated"


def test_a_changed_byte_is_refused(tmp_path):
    path = write(tmp_path / "c.xtb", blob=os.urandom(1024))
    data = bytearray(path.read_bytes())
    start, _ = _frame_spans(path)[0]
    data[start + FRAME.size + 10] ^= 0x40
    path.write_bytes(bytes(data))
    assert refusal(path) == "bundle.corrupted"


def test_frames_in_another_order_are_refused(tmp_path):
    path = write(tmp_path / "d.xtb", blob=os.urandom(3 * 1024 * 1024))
    data = path.read_bytes()
    (a0, a1), (b0, b1) = _frame_spans(path)[:2]
    path.write_bytes(data[:a0] + data[b0:b1] + data[a0:a1] + data[b1:])
    assert refusal(path) == "bundle.corrupted"


def test_a_file_that_is_no_bundle_is_refused(tmp_path):
    path = tmp_path / "z.xtb"
    path.write_bytes(b"PK\x03\x04 not a bundle" * 10)
    assert refusal(path) == "bundle.malformed"


def _frame_spans(path: Path) -> list[tuple[int, int]]:
    data = path.read_bytes()
    at = len(MAGIC) + U32.size + U32.unpack(data[len(MAGIC) : len(MAGIC) + U32.size])[0]
    spans = []
    while True:
        final, length = FRAME.unpack(data[at : at + FRAME.size])
        spans.append((at, at + FRAME.size + length))
        at += FRAME.size + length
        if final:
            return spans


def _signature_size(path: Path) -> int:
    data = path.read_bytes()
    return len(data) - _frame_spans(path)[-1][1] - U32.size


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _with_ops(path: Path, *args: dict) -> Path:
    with BundleWriter(path, "ops", CLERK.signer, EXCHANGE.certificate, 1) as w:
        w.add("push", {"device_id": "dev-1", "ops": [{"op_id": f"op-{i}", "name": "notice.publish", "args": a} for i, a in enumerate(args)]})
        w.close()
    return path


@pytest.mark.parametrize("declared", [{"classification": "机密"}, {"meta": {"密级和保密期限": "秘密★10年"}}, {"密级": "绝密"}])
def test_a_record_above_the_units_密级_ceiling_is_refused_with_the_level(tmp_path, declared):
    path = _with_ops(tmp_path / "c.xtb", {"title": "普通通知"}, {"title": "涉密通知", **declared})
    with pytest.raises(BundleRefused) as caught:
        open_bundle(path, expect(ceiling="内部"))
    assert caught.value.code == "bundle.above_ceiling" and "内部" in caught.value.message
    assert str(declared).count(caught.value.message.split("“")[1].split("”")[0]) == 1  # names the level found


def test_records_within_the_ceiling_are_accepted(tmp_path):
    path = _with_ops(tmp_path / "w.xtb", {"title": "内部通知", "classification": "内部"}, {"title": "公开通知"})
    assert [k for k, _, _ in read_all(path, expect(ceiling="内部"))] == ["push"]
