"""Referrals (who brought whom, each customer's share code), Crypto Pay invoices, and orders
held while the customer tops up.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("referrer_id", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("ref_code", sa.String(16), nullable=True))
    op.create_index("ix_users_ref_code", "users", ["ref_code"], unique=True)
    op.create_index("ix_users_referrer", "users", ["referrer_id"])
    op.create_table(
        "crypto_invoices",
        sa.Column("invoice_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("user_id", sa.BigInteger, nullable=False),
        sa.Column("amount", sa.String(32), nullable=False),
        sa.Column("currency", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("pay_url", sa.String(300), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
        sa.Column("closed_at", sa.Float),
    )
    op.create_index("ix_crypto_invoices_status", "crypto_invoices", ["status"])
    op.create_table(
        "held_orders",
        sa.Column("user_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("token", sa.String(40), nullable=False),
        sa.Column("service_id", sa.Integer, nullable=False),
        sa.Column("service_name", sa.String(300), nullable=False),
        sa.Column("answers", sa.Text, nullable=False),
        sa.Column("price", sa.String(32), nullable=False),
        sa.Column("currency", sa.String(8), nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("held_orders")
    op.drop_table("crypto_invoices")
    op.drop_index("ix_users_referrer", "users")
    op.drop_index("ix_users_ref_code", "users")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("ref_code")
        batch.drop_column("referrer_id")
