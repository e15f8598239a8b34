"""Schema migrations with Alembic, run inside the bot's own transaction at start."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect, text

logger = logging.getLogger(__name__)

MIGRATIONS_PATH = Path(__file__).resolve().parent / "migrations"
# Databases made before Alembic carry a hand-written `schema_version` table. Its version 2
# is the schema of Alembic's first revision; version 1 lacked one column.
LEGACY_HEAD = "0001"


def _alembic_config(conn: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_PATH))
    config.attributes["connection"] = conn
    return config


def _adopt_legacy(conn: Connection, config: Config) -> None:
    """A database made by the bot before Alembic: finish its last hand-written step, then
    record it as Alembic's first revision, so its data is kept and upgrades continue."""
    inspector = inspect(conn)
    if not inspector.has_table("schema_version") or not inspector.has_table("orders"):
        return
    columns = {column["name"] for column in inspector.get_columns("orders")}
    if "poll_errors" not in columns:
        conn.execute(text("ALTER TABLE orders ADD COLUMN poll_errors INTEGER NOT NULL DEFAULT 0"))
    command.stamp(config, LEGACY_HEAD)
    logger.info("pre-Alembic database adopted", extra={"revision": LEGACY_HEAD})


def upgrade_schema(conn: Connection) -> None:
    """Bring the schema to Alembic's head inside the caller's transaction."""
    config = _alembic_config(conn)
    if MigrationContext.configure(conn).get_current_revision() is None:
        _adopt_legacy(conn, config)
    command.upgrade(config, "head")
