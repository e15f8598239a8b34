"""Support tickets.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.BigInteger, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("order_id", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("thread_id", sa.BigInteger),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("closed_at", sa.Float),
    )
    op.create_index("ix_tickets_user_status", "tickets", ["user_id", "status"])
    op.create_index("ix_tickets_thread", "tickets", ["thread_id"])


def downgrade() -> None:
    op.drop_table("tickets")
