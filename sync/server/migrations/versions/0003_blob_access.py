"""Blob read rights: the scopes that name a blob, and who uploaded it.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from sync.server.blobs.access import attachment_shas

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    refs = op.create_table(
        "blob_refs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("scope", sa.String(128), primary_key=True),
    )
    op.create_table(
        "blob_uploaders",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), primary_key=True),
    )
    # Attachments already published stay readable by the scopes that hold them.
    changes = sa.table("changes", sa.column("scope", sa.String), sa.column("deleted", sa.Boolean), sa.column("data", sa.JSON))
    found = {(sha, scope) for scope, data in op.get_bind().execute(sa.select(changes.c.scope, changes.c.data).where(changes.c.deleted.is_(False))) for sha in attachment_shas(data or {})}
    if found:
        op.bulk_insert(refs, [{"sha256": sha, "scope": scope} for sha, scope in sorted(found)])


def downgrade() -> None:
    op.drop_table("blob_uploaders")
    op.drop_table("blob_refs")
