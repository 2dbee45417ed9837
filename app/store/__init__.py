"""The local cache: SQLAlchemy models on SQLite (WAL), migrations, and what reads and writes it."""
