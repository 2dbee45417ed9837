"""Partial indexes for what rebase looks for after each pulled page (pending local effects, locally
edited notices, read marks): it finds them without reading the whole mirror. Reads of the mirror
cost more since the cache is encrypted (every page is decrypted), and a first sync rebases once
per page, so without them the first sync grew with the square of the rows.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Read marks are checked by publisher (one's own notices are always read): the index holds it, so
# that check reads the small index, not the notices.
INDEXES = (
    ("ix_notices_pending", "notices", "id", "pending IS 1"),
    ("ix_notices_server_values", "notices", "id", "server_values IS NOT NULL"),
    ("ix_notices_read_at", "notices", "publisher_id", "read_at IS NOT NULL"),
    ("ix_notice_reads_pending", "notice_reads", "id", "pending IS 1"),
)


def upgrade() -> None:
    for name, table, column, where in INDEXES:
        op.create_index(name, table, [column], sqlite_where=sa.text(where))


def downgrade() -> None:
    for name, table, _, _ in INDEXES:
        op.drop_index(name, table)
