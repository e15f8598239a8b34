"""Which panel an order was placed on: panel order ids are unique per panel, not across
panels (two panels may both have an order 12345).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# SQLite's unique constraint from 0001 has no name: this convention gives it one to drop.
NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if not sqlite:
        op.drop_constraint("orders_panel_order_id_key", "orders", type_="unique")
    with op.batch_alter_table("orders", naming_convention=NAMING) as batch:
        batch.add_column(sa.Column("panel", sa.String(32), nullable=False, server_default="main"))
        if sqlite:
            batch.drop_constraint("uq_orders_panel_order_id", type_="unique")
        batch.create_unique_constraint("uq_orders_panel_order", ["panel", "panel_order_id"])


def downgrade() -> None:
    with op.batch_alter_table("orders", naming_convention=NAMING) as batch:
        batch.drop_constraint("uq_orders_panel_order", type_="unique")
        batch.drop_column("panel")
        batch.create_unique_constraint("uq_orders_panel_order_id", ["panel_order_id"])
