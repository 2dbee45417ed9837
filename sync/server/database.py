"""The server database: SQLAlchemy 2.0 engine and sessions, SQLite by default, PostgreSQL by URL."""

import json
from dataclasses import dataclass
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000


class Base(DeclarativeBase):
    """Declarative base of every server table (the Alembic migrations create them)."""


@dataclass(frozen=True)
class Database:
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def kind(self) -> str:
        """The dialect name: sqlite or postgresql."""
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url)
    else:
        if parsed.drivername == "postgresql":  # SQLAlchemy's default driver is psycopg2; we ship psycopg 3
            parsed = parsed.set(drivername="postgresql+psycopg")
        # As many connections as the request thread pool (40) may ask for at once, so a burst of
        # pushes queues on row locks in the database, never on the pool (which times out: a 500).
        engine = create_engine(parsed, pool_pre_ping=True, json_serializer=_json, pool_size=20, max_overflow=30)
    return Database(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def dialect_insert(session: Session) -> Callable[..., Any]:
    """The INSERT construct of the session's dialect, which knows ON CONFLICT."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # Chinese text stored as itself, half the size


def _sqlite_engine(url: str) -> Engine:
    path = make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False}, json_serializer=_json)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Leave transaction control to the "begin" hook below instead of the driver's own.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # IMMEDIATE takes the write lock up front. A deferred transaction that reads and then
        # writes fails at once with "database is locked" when another writer got in between
        # (busy_timeout cannot help there), which would turn two concurrent pushes into a 500.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
