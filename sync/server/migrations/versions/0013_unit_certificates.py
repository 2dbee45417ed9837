"""单位电子印章: the units' seal certificates with their chains and seal images, and the
permission to use them (doc.seal) for the 办公室主任, who keeps the unit's seal.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_certificates",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False, index=True),
        sa.Column("der", sa.LargeBinary, nullable=False),
        sa.Column("chain", sa.LargeBinary, nullable=False),
        sa.Column("seal_png", sa.LargeBinary, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("not_after", sa.Float, nullable=False),
        sa.Column("registered_at", sa.Float, nullable=False),
    )
    grants = sa.table("role_grants", sa.column("role", sa.String), sa.column("permission", sa.String))
    op.bulk_insert(grants, [{"role": "办公室主任", "permission": "doc.seal"}])


def downgrade() -> None:
    op.execute("DELETE FROM role_grants WHERE permission = 'doc.seal'")
    op.drop_table("unit_certificates")
