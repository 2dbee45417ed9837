"""Single sign-on (单点登录): registered systems, login tickets, browser sessions, grants.

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
        "oidc_clients",
        sa.Column("client_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("redirect_uris", sa.JSON, nullable=False),
        sa.Column("allowed_roles", sa.JSON, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "oidc_login_tickets",
        sa.Column("ticket_hash", sa.String(64), primary_key=True),
        sa.Column("session_id", sa.String(64), sa.ForeignKey("auth_sessions.id"), nullable=False, index=True),
        sa.Column("next_url", sa.Text, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False, index=True),
        sa.Column("used", sa.Boolean, nullable=False),
    )
    op.create_table(
        "oidc_browser_sessions",
        sa.Column("cookie_hash", sa.String(64), primary_key=True),
        sa.Column("session_id", sa.String(64), sa.ForeignKey("auth_sessions.id"), nullable=False, index=True),
        sa.Column("expires_at", sa.Float, nullable=False, index=True),
    )
    op.create_table(
        "oidc_grants",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("client_id", sa.String(64), sa.ForeignKey("oidc_clients.client_id"), nullable=False, index=True),
        sa.Column("session_id", sa.String(64), sa.ForeignKey("auth_sessions.id"), nullable=False, index=True),
        sa.Column("redirect_uri", sa.Text, nullable=False),
        sa.Column("code_challenge", sa.String(128), nullable=False),
        sa.Column("nonce", sa.Text, nullable=True),
        sa.Column("scope", sa.Text, nullable=False),
        sa.Column("code_expires_at", sa.Float, nullable=False, index=True),
        sa.Column("code_used", sa.Boolean, nullable=False),
        sa.Column("access_token_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("access_expires_at", sa.Float, nullable=True),
        sa.Column("revoked", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    for table in ("oidc_grants", "oidc_browser_sessions", "oidc_login_tickets", "oidc_clients"):
        op.drop_table(table)
