"""内网门户: the 待办 items other systems put into the portal.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "portal_todos",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("client_id", sa.String(64), nullable=False, index=True),
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("link", sa.Text, nullable=False),
        sa.Column("deadline", sa.Float, nullable=True),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("done", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("portal_todos")
