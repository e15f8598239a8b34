"""Counts a panel reports are 64-bit, refills given up on have failed, usernames are indexed,
and an order remembers its live card.

Counts: a panel reports 64-bit numbers: a video with 8.3 billion views has a start count past
32 bits, and one such answer stopped every order's tracking on PostgreSQL (issue 34).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_COUNTS = ("start_count", "remains")


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        for column in _COUNTS:
            batch.alter_column(column, type_=sa.BigInteger, existing_type=sa.Integer)
        # The message that confirmed the order: its live card, edited as the order moves.
        batch.add_column(sa.Column("card_message_id", sa.BigInteger, nullable=True))
    # `/credit @name` and a username changing hands look names up without case.
    op.create_index("ix_users_username_lower", "users", [sa.text("lower(username)")])
    # Refills an earlier version gave up on (panel id dropped, "unknown" forever) blocked
    # their order's refills: they failed, and the customer may ask again.
    op.execute(
        "UPDATE refills SET status = 'failed' WHERE status = 'unknown' AND panel_refill_id IS NULL"
    )


def downgrade() -> None:
    op.drop_index("ix_users_username_lower", "users")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("card_message_id")
        for column in _COUNTS:
            batch.alter_column(column, type_=sa.Integer, existing_type=sa.BigInteger)
