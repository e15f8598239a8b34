"""The catalog autopilot and the operator's console: what each panel listed last (to see
prices move and services vanish), the history of those moves, the last view of every product
(a vanished one stays in the catalog, paused), and the audit log of admins' actions.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "panel_services",
        sa.Column("panel", sa.String(32), primary_key=True),
        sa.Column("service_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("rate", sa.String(32), nullable=False),
        sa.Column("seen_at", sa.Float, nullable=False),
        sa.Column("vanished_at", sa.Float),
    )
    op.create_table(
        "price_history",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("panel", sa.String(32), nullable=False),
        sa.Column("service_id", sa.BigInteger, nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("old_rate", sa.String(32)),  # NULL: it appeared
        sa.Column("new_rate", sa.String(32)),  # NULL: it vanished
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_index("ix_price_history_service", "price_history", ["service_id", "id"])
    op.create_table(
        "catalog_items",
        sa.Column("product_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("vanished_at", sa.Float),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("actor", sa.BigInteger, nullable=False),
        sa.Column("action", sa.String(48), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("before", sa.String(300)),
        sa.Column("after", sa.String(300)),
        sa.Column("at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("catalog_items")
    op.drop_index("ix_price_history_service", "price_history")
    op.drop_table("price_history")
    op.drop_table("panel_services")
