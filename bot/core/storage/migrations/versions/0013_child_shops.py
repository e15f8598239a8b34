"""Child shops: each reseller's shop bot (a Telegram managed bot) this deployment runs on its
catalog — its owner, its token, whether it is running (issue 35).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "child_shops",
        sa.Column("bot_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("owner_id", sa.BigInteger, nullable=False, index=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("token", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        # With CHILD_SHOP_FEE_STARS: the end of the period the owner's subscription paid.
        sa.Column("paid_until", sa.Float, nullable=True),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("child_shops")
