"""Open the local cache file: check it is ours and whole, migrate it, or set a damaged one aside.

The file is encrypted with SQLCipher under the data key the caller passes (app/store/cache_key.py);
a cache of the previous, unencrypted version is encrypted in place on first open. A key that does
not open the file raises CacheLocked and leaves the file alone: that is a missing key, not damage.

A damaged or foreign file is never deleted: it is renamed beside the cache, the queued changes
(outbox) that can still be read from it are carried into the fresh cache, and the caller is told
so it can say it in words and pull everything again from the server.
"""

import json
import logging
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.domain.directory import initials_per_character
from app.store import blob_crypto, sqlcipher
from app.store.cache_key import CacheLocked

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

APPLICATION_ID = 0x58544331  # "XTC1": marks a SQLite file as a Xietong cache
OUTBOX_COLUMNS = ("client_seq", "op_id", "name", "args", "base_version", "created_at", "status", "reject_code", "reject_message")


@dataclass
class CacheOpenReport:
    """What happened while opening: a file set aside, and how many queued changes were carried over."""

    set_aside: Path | None = None
    reason: str = ""
    recovered_ops: int = 0
    recovered_meta: dict[str, str] = field(default_factory=dict)


@dataclass
class Cache:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    report: CacheOpenReport
    blob_key: bytes  # the local files' key (app/store/blobs.py), derived from the data key

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


def open_cache(path: Path, key: bytes) -> Cache:
    """Open (creating, encrypting or upgrading as needed) the cache at `path` with its data key.
    Raises CacheLocked when `key` does not open the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    report = CacheOpenReport()
    plain = path.exists() and sqlcipher.is_plain(path)
    problem = _problem_with(path, None if plain else key) if path.exists() else ""
    salvaged: tuple[list[dict], dict[str, str]] = ([], {})
    if problem:
        salvaged = _salvage(path, None if plain else key)
        report.set_aside = _set_aside(path)
        report.reason = problem
        log.warning("cache %s set aside as %s: %s", path, report.set_aside, problem)
    elif plain:
        sqlcipher.encrypt_in_place(path, key)
        log.info("cache %s encrypted in place", path)
    engine = _engine(path, key)
    _migrate(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    if problem:
        report.recovered_ops, report.recovered_meta = _restore(sessions, *salvaged)
    return Cache(path=path, engine=engine, sessions=sessions, report=report, blob_key=blob_crypto.derive(key, "store"))


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def _engine(path: Path, key: bytes) -> Engine:
    url = URL.create(
        "sqlite+pysqlcipher", password=sqlcipher.raw_key(key), database=str(path), query={"cipher_page_size": str(sqlcipher.PAGE_SIZE)}
    )
    # The dialect would pool one connection per thread; the cache keeps SQLite's file-database pool.
    engine = create_engine(url, poolclass=QueuePool, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:
        sqlcipher.quiet(dbapi_conn)
        # SQL finds titles by their pinyin initials as the directory does (the 待办 search)
        dbapi_conn.create_function("initials", 1, initials_per_character, deterministic=True)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA application_id={APPLICATION_ID}")
        cur.close()

    return engine


# Alembic is imported where it is used: it costs half a second of start-up, and the login
# window must appear before any cache is opened.
def _alembic_config() -> "Config":
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("app.store") / "migrations"))
    return cfg


def _migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = _alembic_config()
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.begin() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _problem_with(path: Path, key: bytes | None) -> str:
    """Why `path` cannot be used as our cache, or "" when it can. `key` is None for an unencrypted
    file (of the previous version). Raises CacheLocked when the file is encrypted with another key."""
    size = path.stat().st_size
    if not size:
        return ""
    if key is not None and size % sqlcipher.PAGE_SIZE:
        return "文件不是 SQLite 数据库"
    try:
        con = sqlcipher.connect(path, key, read_only=True)
    except sqlcipher.Unreadable as exc:
        return f"数据库已损坏（{exc}）"
    try:
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
        except sqlcipher.Unreadable as exc:
            if key is not None and not sqlcipher.salt_matches(path, key):
                raise CacheLocked("密钥与本机数据不符") from exc
            return f"数据库已损坏（{exc}）"
        if app_id not in (0, APPLICATION_ID):
            return "文件属于其他程序"
        if app_id == 0 and con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return "文件属于其他程序"
        check = con.execute("PRAGMA quick_check").fetchone()[0]
        return "" if check == "ok" else f"数据库已损坏（{check}）"
    except sqlcipher.Unreadable as exc:
        return f"数据库已损坏（{exc}）"
    finally:
        con.close()


def _salvage(path: Path, key: bytes | None) -> tuple[list[dict], dict[str, str]]:
    """Read what can still be read of the outbox and meta tables of a damaged cache."""
    ops: list[dict] = []
    meta: dict[str, str] = {}
    try:
        con = sqlcipher.connect(path, key, read_only=True)
    except sqlcipher.Unreadable:
        return ops, meta
    try:
        cols = ", ".join(OUTBOX_COLUMNS)
        for row in con.execute(f"SELECT {cols} FROM outbox WHERE status = 'pending' ORDER BY client_seq"):
            ops.append(dict(zip(OUTBOX_COLUMNS, row)))
    except sqlcipher.Unreadable as exc:
        log.warning("outbox of %s unreadable: %s", path, exc)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    except sqlcipher.Unreadable as exc:
        log.warning("meta of %s unreadable: %s", path, exc)
    finally:
        con.close()
    return ops, meta


def _set_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{path}{suffix}")
        if src.exists():
            src.rename(Path(f"{target}{suffix}"))
    return target


def _restore(sessions: sessionmaker[Session], ops: list[dict], meta: dict[str, str]) -> tuple[int, dict[str, str]]:
    """Put salvaged meta (device id, sequence) and queued ops into the fresh cache."""
    from app.store.models import Meta, OutboxOp

    with sessions.begin() as s:
        for key, value in meta.items():
            s.merge(Meta(key=key, value=value))
        for op in ops:
            args = op["args"]
            s.add(OutboxOp(**{**op, "args": json.loads(args) if isinstance(args, str) else args}))
    return len(ops), meta
