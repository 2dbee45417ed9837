"""Which login a certificate opened on this PC, per server: the cache file is named by login, and
before the first online login with a certificate nobody knows whose it is."""

import hashlib
import json
import os
from pathlib import Path

from app import paths


def index_path() -> Path:
    return paths.data_dir() / "caches" / "certificates.json"


def login_for(server_url: str, certificate_der: bytes) -> str | None:
    return _read().get(_key(server_url, certificate_der))


def remember(server_url: str, certificate_der: bytes, login: str) -> None:
    entries = _read()
    if entries.get(_key(server_url, certificate_der)) == login:
        return
    entries[_key(server_url, certificate_der)] = login
    path = index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(entries, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _key(server_url: str, certificate_der: bytes) -> str:
    return f"{paths.server_key(server_url)}:{hashlib.sha256(certificate_der).hexdigest()}"


def _read() -> dict[str, str]:
    try:
        data = json.loads(index_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}  # a lost or damaged index only costs one online login
