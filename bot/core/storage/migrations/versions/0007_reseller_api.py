"""The shop's own API v2: one key per customer (kept hashed), and orders marked as placed
through it.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("user_id", sa.BigInteger, sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("key_hash", sa.String(64)),
        sa.Column("created_at", sa.Float),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("notify", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_api_keys_hash", "api_keys", ["key_hash"], unique=True)
    with op.batch_alter_table("orders") as batch:
        batch.add_column(
            sa.Column("via_api", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("via_api")
    op.drop_index("ix_api_keys_hash", "api_keys")
    op.drop_table("api_keys")
