"""Alembic environment of the server database: always run on the connection the caller hands over."""

from alembic import context

import sync.server.models  # noqa: F401  (registers every table on Base.metadata)
from sync.server.database import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
