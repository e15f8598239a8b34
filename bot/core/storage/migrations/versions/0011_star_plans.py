"""Recurring plans in Telegram Stars: the plans the owner offers, each customer's
subscription, and each paid period (once per Telegram charge) with the order it placed.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("service_id", sa.BigInteger, nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("stars", sa.Integer, nullable=False),
        sa.Column("on_sale", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "plan_subscriptions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.BigInteger, nullable=False),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
        sa.Column("link", sa.String(500), nullable=False),
        sa.Column("stars", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("first_charge", sa.String(128)),
        sa.Column("expires_at", sa.Float),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_plan_subscriptions_user", "plan_subscriptions", ["user_id"])
    op.create_index("ix_plan_subscriptions_state", "plan_subscriptions", ["state"])
    op.create_table(
        "plan_periods",
        sa.Column("charge_id", sa.String(128), primary_key=True),
        sa.Column(
            "subscription_id",
            sa.Integer,
            sa.ForeignKey("plan_subscriptions.id"),
            nullable=False,
        ),
        sa.Column("user_id", sa.BigInteger, nullable=False),
        sa.Column("amount", sa.String(32), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("order_id", sa.BigInteger),
        sa.Column("paid_at", sa.Float, nullable=False),
    )
    op.create_index("ix_plan_periods_state", "plan_periods", ["state"])


def downgrade() -> None:
    op.drop_table("plan_periods")
    op.drop_table("plan_subscriptions")
    op.drop_table("plans")
