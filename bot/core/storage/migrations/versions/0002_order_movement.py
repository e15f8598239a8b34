"""When an open order last moved, and when it was flagged as stalled.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("moved_at", sa.Float, nullable=True))
        batch.add_column(sa.Column("stalled_at", sa.Float, nullable=True))
    # Until the poller sees them move, open orders last moved when their status did.
    op.execute("UPDATE orders SET moved_at = status_changed_at")


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("stalled_at")
        batch.drop_column("moved_at")
