"""Certificate login: CAs, CRLs, certificate bindings, revocations, sessions with refresh tokens,
the audit log and each device's cache escrow. The demo software-key tables go.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("access_tokens")
    op.drop_table("credentials")
    op.drop_table("challenges")  # one-minute nonces: nothing worth keeping
    op.create_table(
        "challenges",
        sa.Column("nonce", sa.String(128), primary_key=True),
        sa.Column("expires_at", sa.Float, nullable=False, index=True),
        sa.Column("used", sa.Boolean, nullable=False),
    )
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("cache_escrow", sa.String(64), nullable=True))
    _pki()
    _sessions()
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Float, nullable=False, index=True),
        sa.Column("event", sa.String(32), nullable=False, index=True),
        sa.Column("person_id", sa.String(64), nullable=True, index=True),
        sa.Column("device_id", sa.String(64), nullable=True),
        sa.Column("cert_sha256", sa.String(64), nullable=True),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )


def _pki() -> None:
    op.create_table(
        "ca_certificates",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("der", sa.LargeBinary, nullable=False),
        sa.Column("is_anchor", sa.Boolean, nullable=False),
        sa.Column("added_at", sa.Float, nullable=False),
    )
    op.create_table(
        "crls",
        sa.Column("issuer_key", sa.String(64), primary_key=True),
        sa.Column("der", sa.LargeBinary, nullable=False),
        sa.Column("this_update", sa.Float, nullable=False),
        sa.Column("next_update", sa.Float, nullable=False),
    )
    op.create_table(
        "certificate_bindings",
        sa.Column("issuer_key", sa.String(64), primary_key=True),
        sa.Column("serial", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("cert_sha256", sa.String(64), nullable=False, index=True),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("not_after", sa.Float, nullable=False),
        sa.Column("bound_at", sa.Float, nullable=False),
    )
    op.create_table(
        "revocations",
        sa.Column("issuer_key", sa.String(64), primary_key=True),
        sa.Column("serial", sa.String(64), primary_key=True),
        sa.Column("revoked_at", sa.Float, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )


def _sessions() -> None:
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("device_id", sa.String(64), sa.ForeignKey("devices.device_id"), nullable=False),
        sa.Column("cert_sha256", sa.String(64), nullable=False, index=True),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False, index=True),
        sa.Column("revoked_reason", sa.Text, nullable=True),
    )
    op.create_table(
        "refresh_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("session_id", sa.String(64), sa.ForeignKey("auth_sessions.id"), nullable=False, index=True),
        sa.Column("expires_at", sa.Float, nullable=False),
        sa.Column("used", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    for table in ("audit_events", "refresh_tokens", "auth_sessions", "revocations", "certificate_bindings", "crls", "ca_certificates", "challenges"):
        op.drop_table(table)
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("cache_escrow")
    op.create_table(
        "challenges",
        sa.Column("nonce", sa.String(128), primary_key=True),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False, index=True),
        sa.Column("used", sa.Boolean, nullable=False),
    )
    op.create_table("credentials", sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), primary_key=True), sa.Column("public_key", sa.Text, nullable=False))
    op.create_table(
        "access_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("device_id", sa.String(64), sa.ForeignKey("devices.device_id"), nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False, index=True),
    )
