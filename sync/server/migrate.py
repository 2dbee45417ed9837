"""Bring the server database to the newest schema (Alembic), or tell how far it is from it."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from sync.server.database import Database

SCRIPTS = Path(__file__).parent / "migrations"


def head() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current(db: Database) -> str | None:
    """The revision the database is at; None for a database that was never migrated."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database) -> None:
    _run(db, command.upgrade, "head")


def reset(db: Database) -> None:
    """Drop every server table and create them anew: all data is gone."""
    _run(db, command.downgrade, "base")
    upgrade(db)


def _run(db: Database, step, target: str) -> None:
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        step(cfg, target)


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    return cfg
