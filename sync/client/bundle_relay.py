"""交换包 relayed by a connected exchange-point client (the clerk's user has the 交换站管理员 role):
the isolated unit's bundle goes up as a blob (chunked, resumable), the server imports it with
every check `xietong-server bundle import` makes and with the exchange point's key it holds, and
the answer comes back down as a blob, written to the stick under a temporary name first.

The relay client never opens the bundle: it carries bytes. That is why this is the preferred
path over decrypting on the clerk's PC — the exchange key stays on the server, and the server,
not the relay, decides what is applied."""

from pathlib import Path

from app.store.blobs import LocalBlobs
from sync.client.blobs import BlobTransfer, BytesProgress
from sync.client.transport import Transport
from sync.protocol.bundle_relay import RelayAnswer, RelayRequest


def relay_bundle(transport: Transport, local: LocalBlobs, bundle: Path, answer: Path, progress: BytesProgress | None = None) -> RelayAnswer:
    """Raises ServerRefused with the server's reason (a refused bundle: code bundle.*)."""
    transfer = BlobTransfer(transport, local)
    sha = local.add(bundle)
    transfer.upload(sha, progress)
    done = transport.relay_bundle(RelayRequest(bundle_sha256=sha))
    transfer.download(done.answer_sha256, done.answer_size, progress)
    local.export(done.answer_sha256, answer)
    return done
