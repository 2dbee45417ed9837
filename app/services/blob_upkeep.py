"""Keeping the local file store in step with the cache: at the start of a session (encrypt a
store of the previous, plain version; drop decrypted copies a crash left) and after each sync.

A blob stays while the cache needs it: an op in the outbox not refused names it (it may still
have to be uploaded), a 通知 or 公文 (发文, 收文) in the cache has it as an attachment, or it is
the content of a file in a folder kept offline. Everything else goes: uploads the server refused (quota), files
of folders no longer kept offline, attachments of 公文 the cache forgot, files opened once.
"""

import logging
import time

from sqlalchemy import select

from app.services.files import local_blobs, offline_files, opened_copies
from app.store.cache import Cache
from app.store.models import DocumentRow, IncomingRow, NoticeRow, OutboxOp
from app.store.plain_blobs import encrypt_plain_blobs

log = logging.getLogger(__name__)

# A blob added in the last hour is kept whatever the cache says: its op may not be queued yet.
GRACE_S = 3600.0


def start_session(cache: Cache) -> None:
    """Off the UI thread, before the main window: encrypting an old store takes a while."""
    opened_copies(cache).clear()
    encrypt_plain_blobs(local_blobs(cache))
    collect_garbage(cache)


def collect_garbage(cache: Cache, now: float | None = None) -> int:
    """Remove the blobs the cache no longer needs; returns how many."""
    removed = local_blobs(cache).remove_unlisted(needed_blobs(cache), (time.time() if now is None else now) - GRACE_S)
    if removed:
        log.info("%d local files no longer needed removed", removed)
    return removed


def needed_blobs(cache: Cache) -> set[str]:
    with cache.session() as s:
        lists = [args.get("attachments") or [] for args in s.scalars(select(OutboxOp.args).where(OutboxOp.status != "rejected"))]
        for column in (NoticeRow.attachments, DocumentRow.attachments, IncomingRow.attachments):
            lists += s.scalars(select(column)).all()
    named = {a.get("sha256") for items in lists for a in items if isinstance(a, dict)}
    return {sha for sha in named if isinstance(sha, str)} | {row.sha256 for row in offline_files(cache)}
