"""待办 opens from an index at 100,000 waiting 收文: each 公文 row keeps its place in 待办's default
order (todo_order: the 时限 in seconds, or 1e12 + updated when there is none), indexed per kind
among the waiting rows with every column 待办 reads, so SQLite merges the kinds' index scans
instead of sorting them all, and deep pages and searches read no table rows out of file order.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("document_index", sa.Column("todo_order", sa.Float, nullable=False, server_default="0"))
    # as app/store/document_search.py todo_order works it out for new rows
    op.execute(
        "UPDATE document_index SET todo_order = "
        "coalesce(CAST(strftime('%s', nullif(due_descending, '')) AS REAL), 1e12 + updated)"
    )
    # 待办 is counted from a narrow index: the wide one would be read through
    op.drop_index("ix_document_index_todo", "document_index")
    op.create_index("ix_document_index_kind_todo", "document_index", ["kind"], sqlite_where=sa.text("todo IS 1"))
    columns = ["kind", "todo_order", "seq", "doc_id", "title", "unit", "drafter", "updated", "urgency", "secrecy", "initials"]
    op.create_index("ix_document_index_kind_todo_order", "document_index", columns, sqlite_where=sa.text("todo IS 1"))


def downgrade() -> None:
    op.drop_index("ix_document_index_kind_todo_order", "document_index")
    op.drop_index("ix_document_index_kind_todo", "document_index")
    op.create_index("ix_document_index_todo", "document_index", ["todo"], sqlite_where=sa.text("todo IS 1"))
    with op.batch_alter_table("document_index") as batch:
        batch.drop_column("todo_order")
