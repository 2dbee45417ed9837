"""公文 search and lists: one narrow row per document for the 收文/发文 lists (sorted and filtered by
index), and two full-text indexes of its title, 文号, metadata, 意见 and body.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SORTED_COLUMNS = ("title", "number", "doc_type", "secrecy", "unit", "status")


def upgrade() -> None:
    op.create_table(
        "document_index",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("doc_id", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("number", sa.String(100), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("secrecy", sa.String(16), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
    )
    # A list is one kind sorted by one column: (kind, column) walks in order and stops at a page.
    # `seq` is in date order (app/store/document_search.py), so (kind) alone serves the date order.
    op.create_index("ix_document_index_kind", "document_index", ["kind"])
    for column in SORTED_COLUMNS:
        op.create_index(f"ix_document_index_kind_{column}", "document_index", ["kind", column])
    op.execute("CREATE VIRTUAL TABLE document_text USING fts5(title, number, metadata, opinions, body, tokenize='trigram')")
    op.execute(
        "CREATE VIRTUAL TABLE document_pairs USING fts5(title, number, metadata, opinions, body, "
        "content='', tokenize='unicode61')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE document_pairs")
    op.execute("DROP TABLE document_text")
    op.drop_table("document_index")
