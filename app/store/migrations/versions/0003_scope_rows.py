"""Scope membership of pulled rows (scope checksum, per-scope re-download); notice attachments.

A cache from before this revision has mirror rows but no membership: its cursors are cleared so
the next sync pulls every scope again and fills the index (the outbox is untouched).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scope_rows",
        sa.Column("scope", sa.String(128), primary_key=True),
        sa.Column("entity", sa.String(32), primary_key=True),
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.create_index("ix_scope_rows_entity_id", "scope_rows", ["entity", "id"])
    op.execute("DELETE FROM sync_cursors")
    op.add_column("notices", sa.Column("attachments", sa.JSON, nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("notices") as batch:
        batch.drop_column("attachments")
    op.drop_index("ix_scope_rows_entity_id", "scope_rows")
    op.drop_table("scope_rows")
