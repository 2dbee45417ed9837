"""Scope membership of pulled rows (scope checksum, per-scope re-download); notice attachments
and locally edited fields; conflict copies.

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
    op.add_column("notices", sa.Column("server_values", sa.JSON, nullable=True))
    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(160), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("conflicts")
    with op.batch_alter_table("notices") as batch:
        batch.drop_column("server_values")
        batch.drop_column("attachments")
    op.drop_index("ix_scope_rows_entity_id", "scope_rows")
    op.drop_table("scope_rows")
