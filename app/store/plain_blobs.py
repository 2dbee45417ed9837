"""Encrypt in place a blob folder of the previous version, which kept files in plain text as
<aa>/<sha256> and downloads in progress as partial/<sha256>.

One file at a time: the encrypted copy is written and renamed into place before the plain file
is deleted, so a start cut short leaves every file readable and the next start carries on. A
marker file says the folder is done, so later starts do not look at every file again.
"""

import logging
import re
from pathlib import Path

from app.store.blob_crypto import is_encrypted
from app.store.blobs import LocalBlobs, sha256_file

log = logging.getLogger(__name__)

DONE_MARKER = "encrypted-v1"
SHA = re.compile(r"[0-9a-f]{64}")


def encrypt_plain_blobs(blobs: LocalBlobs, folder: Path | None = None) -> int:
    """Encrypt the plain files of `folder` (by default the store's own) into `blobs`. Returns how
    many there were (damaged ones are dropped: they are fetched again)."""
    folder = folder or blobs.folder
    marker = folder / DONE_MARKER
    if marker.exists() or not folder.is_dir():
        return 0
    done = 0
    for path in sorted(folder.glob("*/*")):
        if not SHA.fullmatch(path.name) or not path.is_file() or _encrypted(path):
            continue
        if path.parent.name == "partial":
            blobs.drop_partial(path.name)  # an encrypted one begun by a start cut short
            with blobs.partial(path.name) as partial, path.open("rb") as f:
                while block := f.read(1024 * 1024):
                    partial.append(block)
        elif sha256_file(path) == path.name:
            blobs.add(path)
        else:
            log.warning("plain blob %s does not match its name; dropped", path.name)
        path.unlink()
        done += 1
    for leftover in folder.glob("*/*.adding"):
        leftover.unlink()
    marker.touch()
    if done:
        log.info("%d local files in %s encrypted into %s", done, folder, blobs.folder)
    return done


def _encrypted(path: Path) -> bool:
    with path.open("rb") as f:
        return is_encrypted(f)
