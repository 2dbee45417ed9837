"""Scope checksums and retention (changes.changed_at, scope_stats); notice attachments.

Revision ID: 0002
Revises: 0001
"""

import time

import sqlalchemy as sa
from alembic import op

from sync.protocol.checksum import fold

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing changes count as written now: their tombstones live a full horizon from today.
    op.add_column("changes", sa.Column("changed_at", sa.Float, nullable=False, server_default=str(time.time())))
    stats = op.create_table(
        "scope_stats",
        sa.Column("scope", sa.String(128), primary_key=True),
        sa.Column("live_count", sa.BigInteger, nullable=False),
        sa.Column("xor_hash", sa.String(16), nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("horizon_seq", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(stats, _existing_stats())
    op.add_column("notices", sa.Column("attachments", sa.JSON, nullable=False, server_default="[]"))


def _existing_stats() -> list[dict]:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT scope, entity, entity_id, seq, deleted FROM changes ORDER BY scope")).all()
    by_scope: dict[str, list] = {}
    for scope, entity, entity_id, seq, deleted in rows:
        by_scope.setdefault(scope, []).append((entity, entity_id, seq, bool(deleted)))
    answer = []
    for scope, found in by_scope.items():
        checksum = fold((e, i, s) for e, i, s, d in found if not d)
        answer.append({"scope": scope, "live_count": checksum.count, "xor_hash": f"{checksum.xor:016x}", "last_seq": max(s for _, _, s, _ in found), "horizon_seq": 0})
    return answer


def downgrade() -> None:
    with op.batch_alter_table("notices") as batch:
        batch.drop_column("attachments")
    op.drop_table("scope_stats")
    with op.batch_alter_table("changes") as batch:  # SQLite drops a column by copying the table
        batch.drop_column("changed_at")
