"""交换包: the last bundle imported from each sender certificate, and the answers sent back.

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
    op.create_table(
        "bundle_senders",
        sa.Column("cert_sha256", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("answers_sent", sa.Integer, nullable=False),
        sa.Column("imported_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("bundle_senders")
