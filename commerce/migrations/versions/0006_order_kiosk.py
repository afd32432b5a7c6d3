"""Orders remember the kiosk that took them, and when their "ready" was announced there.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("kiosk", sa.String(40), nullable=True))
        batch.add_column(sa.Column("announced_at", sa.DateTime, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("announced_at")
        batch.drop_column("kiosk")
