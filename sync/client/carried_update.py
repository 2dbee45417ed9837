"""A client update package carried in an answer 交换包, on its way to the updates folder."""

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sync.bundle.refusals import refused


class CarriedUpdate:
    """A client update package on its way to the updates folder: written beside its final name
    while the answer is applied, put in place (with a JSON note of its version and hash) only
    once the answer's transaction has committed. Its bytes were checked against its SHA-256, and
    the answer is signed by the exchange point's pinned certificate: that is its verification."""

    def __init__(self, folder: Path | None) -> None:
        self._folder, self._body, self._partial, self._written = folder, None, None, False

    def expect(self, body: dict[str, Any]) -> None:
        if self._folder is not None:
            self._body = body
            self._partial = self._folder / (Path(str(body["name"])).name + ".partial")

    def wants(self, sha256: str) -> bool:
        return self._body is not None and sha256 == self._body["sha256"] and not self._written

    def write(self, pieces: Iterator[bytes]) -> None:
        assert self._partial is not None
        self._partial.parent.mkdir(parents=True, exist_ok=True)
        with self._partial.open("wb") as f:
            for piece in pieces:
                f.write(piece)
            f.flush()
            os.fsync(f.fileno())
        self._written = True

    def check_complete(self) -> None:
        if self._body is not None and not self._written:
            raise refused("bundle.bad_update")

    def discard(self) -> None:
        if self._partial is not None:
            self._partial.unlink(missing_ok=True)

    def place(self) -> Path | None:
        if self._body is None or self._partial is None:
            return None
        final = self._partial.with_suffix("")
        os.replace(self._partial, final)
        note = {k: self._body[k] for k in ("name", "version", "sha256", "size")}
        final.with_name(final.name + ".json").write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
        return final
