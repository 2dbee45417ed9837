"""文件共享: folders and files the user may see, folders kept offline, the unit's quota, and the content index
(FTS5 with the trigram tokenizer, which finds Chinese without a word list).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_folders",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("cabinet", sa.String(80), nullable=False, index=True),
        sa.Column("parent_id", sa.String(64), nullable=True, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("grants", sa.JSON, nullable=False),
        sa.Column("shares", sa.JSON, nullable=False),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("server_values", sa.JSON, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "files",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("container", sa.String(80), nullable=False, index=True),
        sa.Column("cabinet", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("level", sa.String(8), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("saved_at", sa.Float, nullable=False),
        sa.Column("author_name", sa.String(64), nullable=False),
        sa.Column("grants", sa.JSON, nullable=False),
        sa.Column("versions", sa.JSON, nullable=False),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("server_values", sa.JSON, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table("file_offline", sa.Column("folder_id", sa.String(80), primary_key=True))
    op.create_table(
        "file_quotas",
        sa.Column("unit_id", sa.String(64), primary_key=True),
        sa.Column("used", sa.Integer, nullable=False),
        sa.Column("limit_bytes", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.execute("CREATE VIRTUAL TABLE file_text USING fts5(sha256 UNINDEXED, body, tokenize='trigram')")


def downgrade() -> None:
    op.execute("DROP TABLE file_text")
    for table in ("file_quotas", "file_offline", "files", "file_folders"):
        op.drop_table(table)
