"""用车: the person a driver is, so the driver's own computer offers 出车/回车 for their trips.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("drivers") as batch:
        batch.add_column(sa.Column("person_id", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drivers") as batch:
        batch.drop_column("person_id")
