"""The simulated world: one real exchange server (FastAPI app, SQLite file) reached in-process
through the real HTTP handlers, and real headless clients (SQLite caches, sync engines) whose
connections can be cut before a request or after the server committed, and whose pull can crash
half-way through applying a page."""

import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import text

import sync.client.engine as engine_module
from app.domain.scopes import DIRECTORY
from sync.client.transport import Transport
from sync.server.database import Database, open_database
from sync.server.demo import default_org_path, init_demo
from sync.server.main import create_app
from tests.server.conftest import inprocess_settings
from tests.server.helpers import AUDIENCE
from tests.support.headless_client import HeadlessClient, sign_in_with
from tests.support.inprocess import InProcessSession
from tests.support.memory_keyring import share_key

PEOPLE = 30
DAY_S = 86_400.0


class CrashMidPage(Exception):
    """A client 'crashes' after writing part of a pulled page, inside its transaction."""


@dataclass
class Crashes:
    armed: set[str] = field(default_factory=set)  # device ids whose next page crashes


CRASHES = Crashes()
_real_apply_scope = engine_module.apply_scope


def _apply_scope_or_crash(s, scope, rows):
    _real_apply_scope(s, scope, rows)
    device = s.info.get("device")
    if device in CRASHES.armed and rows:
        CRASHES.armed.discard(device)
        raise CrashMidPage(device)


@dataclass
class Server:
    folder: Path
    url: str
    db: Database
    http: TestClient
    template_cache: Path

    def close(self) -> None:
        self.http.__exit__(None, None, None)
        self.db.close()


def start_server(folder: Path) -> Server:
    url = f"sqlite:///{folder / 'server.db'}"
    db = open_database(url)
    init_demo(db, people=PEOPLE, tokens_dir=folder / "tokens", org_path=default_org_path(), reset=True, pki_dir=folder / "pki")
    http = TestClient(create_app(inprocess_settings(url, folder)))
    http.__enter__()
    return Server(folder, url, db, http, _template_with_directory(folder, http))


def _template_with_directory(folder: Path, http: TestClient) -> Path:
    """A migrated cache that already holds the directory scope (the same for everyone): each
    client starts from a copy, so an example spends its time on notices, not on 260 directory
    rows. Everything personal (device, owner, other scopes) is removed again."""
    template = folder / "template.sqlite"
    seed = sign_in_with(Transport(AUDIENCE, session=InProcessSession(http)), folder / "tokens", "zhaoli", template)
    seed.engine.pull_once()
    with seed.cache.sessions.begin() as s:
        for table in ("notices", "notice_reads", "conflicts", "outbox", "meta"):
            s.execute(text(f"DELETE FROM {table}"))
        s.execute(text("DELETE FROM scope_rows WHERE scope != :d"), {"d": DIRECTORY})
        s.execute(text("DELETE FROM sync_cursors WHERE scope != :d"), {"d": DIRECTORY})
    seed.close()
    return template


@dataclass
class SimClient:
    name: str
    client: HeadlessClient
    session: InProcessSession

    @property
    def device(self) -> str:
        return self.client.engine._device_id


def new_client(server: Server, login: str, clock_offset_s: float) -> SimClient:
    cache_file = server.folder / f"{login}-{uuid.uuid4().hex[:8]}.sqlite"
    shutil.copyfile(server.template_cache, cache_file)
    share_key(server.template_cache, cache_file)
    session = InProcessSession(server.http)
    client = sign_in_with(Transport(AUDIENCE, session=session), server.folder / "tokens", login, cache_file, clock=lambda: time.time() + clock_offset_s)
    tag_sessions(client)
    return SimClient(login, client, session)


def tag_sessions(client: HeadlessClient) -> None:
    """Let the crash hook know which device a cache transaction belongs to."""
    device = client.engine._device_id
    maker = client.cache.sessions
    maker.configure(info={"device": device})


def install_crash_hook() -> None:
    engine_module.apply_scope = _apply_scope_or_crash


def remove_crash_hook() -> None:
    engine_module.apply_scope = _real_apply_scope
