"""Alembic scripts of the server database (run through sync.server.migrate)."""
