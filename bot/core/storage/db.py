"""The database engine, its write discipline and versioned schema migrations."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event, inspect, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from bot.core.storage.tables import metadata, schema_version

logger = logging.getLogger(__name__)


def _create_all(conn: Connection) -> None:
    metadata.create_all(conn, checkfirst=True)


def add_column_if_missing(table: str, column: str, ddl_type: str) -> Callable[[Connection], None]:
    """A migration step that upgrades older databases and is a no-op on fresh ones."""

    def step(conn: Connection) -> None:
        names = {col["name"] for col in inspect(conn).get_columns(table)}
        if column not in names:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl_type}"))

    return step


# Append only: each entry upgrades a database from the previous version in place.
# Version 1 creates every table of the current schema that is missing (fresh databases);
# later versions add what older databases lack.
MIGRATIONS: list[Callable[[Connection], None]] = [
    _create_all,
    add_column_if_missing("orders", "poll_errors", "INTEGER NOT NULL DEFAULT 0"),
]


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

    async def version(self) -> int:
        async with self.read() as conn:
            return await self._version(conn)

    @staticmethod
    async def _version(conn: AsyncConnection) -> int:
        has_table = await conn.run_sync(lambda c: inspect(c).has_table("schema_version"))
        if not has_table:
            return 0
        rows = (await conn.execute(select(schema_version.c.version))).scalars().all()
        return max(rows, default=0)

    async def migrate(self) -> None:
        async with self.write() as conn:
            if self.shared:
                # Replicas starting together: one migrates, the others wait and find it done.
                await conn.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                )
            current = await self._version(conn)
            for number, step in enumerate(MIGRATIONS, start=1):
                if number <= current:
                    continue
                await conn.run_sync(step)
                await conn.execute(
                    schema_version.insert().values(version=number, applied_at=time.time())
                )
                logger.info("database migrated", extra={"version": number})

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
