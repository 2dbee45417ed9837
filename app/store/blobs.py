"""The client's own copy of files (正文, attachments), content-addressed like the server's:
<folder>/<aa>/<sha256>. A file is added once and never changed; the sha names it everywhere."""

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

BLOCK = 1024 * 1024


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


class LocalBlobs:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, sha: str) -> Path:
        return self.folder / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def add(self, source: Path) -> str:
        """Copy a file in (a temp name, then an atomic rename) and return its SHA-256."""
        sha = sha256_file(source)
        if not self.has(sha):
            target = self.path(sha)
            target.parent.mkdir(exist_ok=True)
            tmp = target.with_suffix(".adding")
            shutil.copyfile(source, tmp)
            os.replace(tmp, target)
        return sha

    def write(self, sha: str, pieces: Iterable[bytes]) -> None:
        """Store a file arriving in pieces (from a 交换包) whose hash the caller has checked."""
        if self.has(sha):
            for _ in pieces:
                pass
            return
        target = self.path(sha)
        target.parent.mkdir(exist_ok=True)
        tmp = target.with_suffix(".adding")
        with tmp.open("wb") as f:
            for piece in pieces:
                f.write(piece)
        os.replace(tmp, target)

    def partial(self, sha: str) -> Path:
        """Where a download in progress collects its bytes (resumed from its size)."""
        return self.folder / "partial" / sha
