"""统一授权 and the portal's launcher: role grants (seeded with what the roles could do when the
rules were hard-coded) and how each registered system shows in the launcher.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Copied, not imported: a migration keeps meaning what it meant when it was written.
DEFAULT_GRANTS = {
    "主要领导": ("doc.issue", "vehicle.approve"),
    "分管领导": ("vehicle.approve",),
    "办公室主任": ("vehicle.approve", "vehicle.dispatch", "room.manage"),
    "车辆调度员": ("vehicle.dispatch",),
    "会议室管理员": ("room.manage",),
    "系统管理员": ("authz.manage",),
}


def upgrade() -> None:
    grants = op.create_table(
        "role_grants",
        sa.Column("role", sa.String(64), primary_key=True),
        sa.Column("permission", sa.String(200), primary_key=True),
    )
    op.bulk_insert(grants, [{"role": role, "permission": p} for role, held in DEFAULT_GRANTS.items() for p in held])
    with op.batch_alter_table("oidc_clients") as table:
        table.add_column(sa.Column("icon", sa.String(64), nullable=False, server_default=""))
        table.add_column(sa.Column("launch_url", sa.Text, nullable=False, server_default=""))
        table.add_column(sa.Column("unit_id", sa.String(64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("oidc_clients") as table:
        table.drop_column("unit_id")
        table.drop_column("launch_url")
        table.drop_column("icon")
    op.drop_table("role_grants")
