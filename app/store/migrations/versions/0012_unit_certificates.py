"""单位电子印章: the units' seal certificates, their chains and seal images, as the server sends them.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_certificates",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), nullable=False, index=True),
        sa.Column("certificate", sa.LargeBinary, nullable=False),
        sa.Column("chain", sa.JSON, nullable=False),
        sa.Column("seal_png", sa.LargeBinary, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("unit_certificates")
