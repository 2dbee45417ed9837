"""统一授权 and the portal's launcher: role grants and the unit's intranet systems.

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
        "role_grants",
        sa.Column("id", sa.String(300), primary_key=True),
        sa.Column("role", sa.String(64), nullable=False, index=True),
        sa.Column("permission", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "systems",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("icon", sa.String(64), nullable=False),
        sa.Column("launch_url", sa.Text, nullable=False),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("systems")
    op.drop_table("role_grants")
