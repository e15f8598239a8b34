"""The database engine, its write discipline and its schema migrations (Alembic)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

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


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never wait for the writer; busy_timeout: writers queue instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    """The engine and its write discipline.

    SQLite (the embedded default) has one writer: writes are serialised in-process, which
    makes every read-check-write transaction atomic. PostgreSQL (`DATABASE_URL`) may be shared
    by several replicas: there, transactions that move money lock the customer's row.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.shared = engine.dialect.name == "postgresql"
        self._write_lock = asyncio.Lock() if not self.shared else None

    @classmethod
    async def open(cls, path: Path, url: str | None = None) -> Database:
        if url is not None:
            engine = create_async_engine(_asyncpg_url(url), pool_size=10, pool_pre_ping=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_async_engine(f"sqlite+aiosqlite:///{path}")
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        database = cls(engine)
        await database.migrate()
        return database

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncConnection]:
        if self._write_lock is None:
            async with self.engine.begin() as conn:
                yield conn
            return
        async with self._write_lock, self.engine.begin() as conn:
            yield conn

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.connect() as conn:
            yield conn

    async def revision(self) -> str | None:
        async with self.read() as conn:
            return await conn.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )

    async def migrate(self) -> None:
        async with self.write() as conn:
            if self.shared:
                # Replicas starting together: one migrates, the others wait and find it done.
                await conn.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                )
            await conn.run_sync(upgrade_schema)

    async def ping(self) -> bool:
        try:
            async with self.read() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:
            return False
        return True

    async def close(self) -> None:
        await self.engine.dispose()


MIGRATION_LOCK = 0x5EB0_0001


def _asyncpg_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url.removeprefix(prefix)
    return url
