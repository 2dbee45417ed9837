"""内网门户: the 待办 other intranet systems put into the portal.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "portal_todos",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("system", sa.String(200), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("link", sa.Text, nullable=False),
        sa.Column("deadline", sa.Float, nullable=True),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("portal_todos")
