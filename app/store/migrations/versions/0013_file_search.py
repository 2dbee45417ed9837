"""Shared files go through the 公文 search: their own full-text table gives way to a plain
table of each blob's extracted text; the files' entries in document_index are written by
app/store/file_index_sync.py when the cache is next opened.

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
    op.create_table("file_texts", sa.Column("sha256", sa.String(64), primary_key=True), sa.Column("body", sa.Text, nullable=False))
    op.execute("INSERT OR IGNORE INTO file_texts (sha256, body) SELECT sha256, body FROM file_text")
    op.execute("DROP TABLE file_text")


def downgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE file_text USING fts5(sha256 UNINDEXED, body, tokenize='trigram')")
    op.execute("INSERT INTO file_text (sha256, body) SELECT sha256, body FROM file_texts")
    # The files' entries stay in document_index: the contentless document_pairs can only forget a
    # row told its tokens, and the older lists and searches ask for 收文 or 发文 only.
    op.drop_table("file_texts")
