"""Decrypted copies of local files handed to another program (open a shared file, an attachment):
in a private (0700) folder beside the cache, `<cache>.opened/`, emptied when the session starts
(what a crash left), locks and ends. Each copy has a folder of its own, so two files of the same
name, or a file still open in another program, do not get in each other's way."""

import logging
import shutil
import tempfile
from pathlib import Path

from app.store.blobs import LocalBlobs

log = logging.getLogger(__name__)


class OpenedCopies:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def copy(self, blobs: LocalBlobs, sha: str, name: str) -> Path:
        """A decrypted copy of blob `sha` named `name` (a file name, no folders)."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.folder.chmod(0o700)
        target = Path(tempfile.mkdtemp(dir=self.folder)) / Path(name).name
        blobs.export(sha, target)
        return target

    def clear(self) -> None:
        if not self.folder.exists():
            return
        # A copy still open in another program cannot be deleted on Windows: the next clear takes it.
        shutil.rmtree(self.folder, onerror=lambda _f, path, exc: log.warning("opened copy %s not removed: %s", path, exc[1]))
