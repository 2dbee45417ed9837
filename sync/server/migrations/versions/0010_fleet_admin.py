"""用车: a driver may be linked to the person who drives (so they record 出车/回车 mileage
themselves), and a car's row carries a version so a change of its status (在用, 维修, 停用)
reaches the clients.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("drivers") as batch:
        batch.add_column(sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id", name="fk_drivers_person"), nullable=True))
    with op.batch_alter_table("vehicles") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("vehicles") as batch:
        batch.drop_column("version")
    with op.batch_alter_table("drivers") as batch:
        batch.drop_constraint("fk_drivers_person", type_="foreignkey")
        batch.drop_column("person_id")
