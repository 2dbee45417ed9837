"""公文 lists sort by every column they show (紧急程度 by rank, 拟稿人, 时限 with none last, 更新时间)
and find titles by pinyin initials; one-character search gets its own postings; 待办 reads the
公文 waiting for the user from these narrow rows.

document_pairs (contentless, positions kept) becomes document_grams: each document's distinct
characters and character pairs, without positions (detail='none'), so one character is one token
instead of a prefix over every pair that starts with it. The index is emptied: the new columns
need the cache rows, so the client's backfill (app/store/document_index_sync.py) fills it again
on the next start.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

NEW_COLUMNS = {
    "urgency": (sa.Integer, "0"),  # 紧急程度 as a rank: 特急 2, 加急 1, none 0
    "drafter": (sa.String(64), ""),  # 拟稿人
    "due_ascending": (sa.String(40), ""),  # 时限, or "~" (after every date) when there is none
    "due_descending": (sa.String(40), ""),  # 时限, or "" (before every date) when there is none
    "updated": (sa.Float, "0"),
    "initials": (sa.String(400), ""),  # the title's pinyin initials, one letter per character
    "todo": (sa.Boolean, "0"),  # in this user's 待办
}
SORTED_COLUMNS = ("urgency", "drafter", "due_ascending", "due_descending", "updated")


def upgrade() -> None:
    op.execute("DROP TABLE document_pairs")
    op.execute("DELETE FROM document_text")
    op.execute("DELETE FROM document_index")
    for name, (type_, default) in NEW_COLUMNS.items():
        op.add_column("document_index", sa.Column(name, type_, nullable=False, server_default=default))
    for column in SORTED_COLUMNS:
        op.create_index(f"ix_document_index_kind_{column}", "document_index", ["kind", column])
    # 待办 reads the waiting ones in seq order: rowid order, so the narrow rows are read in file order
    op.create_index("ix_document_index_todo", "document_index", ["todo"], sqlite_where=sa.text("todo IS 1"))
    op.execute("CREATE VIRTUAL TABLE document_grams USING fts5(grams, content='', tokenize='unicode61', detail='none')")


def downgrade() -> None:
    op.execute("DROP TABLE document_grams")
    op.execute("DELETE FROM document_text")
    op.execute("DELETE FROM document_index")
    op.drop_index("ix_document_index_todo", "document_index")
    for column in SORTED_COLUMNS:
        op.drop_index(f"ix_document_index_kind_{column}", "document_index")
    with op.batch_alter_table("document_index") as batch:
        for column in NEW_COLUMNS:
            batch.drop_column(column)
    op.execute(
        "CREATE VIRTUAL TABLE document_pairs USING fts5(title, number, metadata, opinions, body, "
        "content='', tokenize='unicode61')"
    )
