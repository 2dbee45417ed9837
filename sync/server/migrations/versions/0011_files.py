"""文件共享: folders, files, versions, shares, unit quotas, published scopes (people's 密级
ceiling, `clearance`, came with 0009).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_folders",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("cabinet", sa.String(80), nullable=False, index=True),
        sa.Column("parent_id", sa.String(64), nullable=True, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
    )
    op.create_table(
        "files",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("container", sa.String(80), nullable=False, index=True),
        sa.Column("cabinet", sa.String(80), nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("level", sa.String(8), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
    )
    op.create_table(
        "file_versions",
        sa.Column("file_id", sa.String(64), sa.ForeignKey("files.id"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("author_id", sa.String(64), nullable=False),
        sa.Column("author_name", sa.String(64), nullable=False),
        sa.Column("saved_at", sa.Float, nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False, index=True),
    )
    op.create_table(
        "file_shares",
        sa.Column("folder_id", sa.String(64), sa.ForeignKey("file_folders.id"), primary_key=True),
        sa.Column("grantee_kind", sa.String(16), primary_key=True),
        sa.Column("grantee_id", sa.String(64), primary_key=True),
        sa.Column("right", sa.String(8), nullable=False),
    )
    op.create_table(
        "file_quotas",
        sa.Column("unit_id", sa.String(64), primary_key=True),
        sa.Column("limit_bytes", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "file_published",
        sa.Column("entity", sa.String(16), primary_key=True),
        sa.Column("entity_id", sa.String(64), primary_key=True),
        sa.Column("scope", sa.String(128), primary_key=True),
    )


def downgrade() -> None:
    for table in ("file_published", "file_quotas", "file_shares", "file_versions", "files", "file_folders"):
        op.drop_table(table)
