"""The database, its write discipline, and starting it at the latest schema.

The stores speak SQL that SQLite and PostgreSQL both understand, with `:name` parameters.
SQLite (the embedded default) runs it on the standard `sqlite3` driver, on the event loop;
PostgreSQL through SQLAlchemy's async engine over asyncpg. SQLAlchemy and Alembic are
imported only for PostgreSQL and for migrating: on SQLite they were the largest part of the
bot's memory (~12 MB of the ~40 it adds to aiogram; bench/README.md), and running a
statement through SQLAlchemy cost ten times what SQLite takes to run it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.storage import postgres, sqlite
from bot.core.storage.postgres import PostgresConnection
from bot.core.storage.sql import Conn, IntegrityError, Rows, insert_sql
from bot.core.storage.sqlite import SqliteConnection

if TYPE_CHECKING:  # PostgreSQL's alone
    from sqlalchemy.ext.asyncio import AsyncEngine

logger = logging.getLogger(__name__)

# The newest migration in migrations/versions/ (a test keeps the two in step). A database
# already there starts without importing Alembic, which costs ~0.4 s of every start.
HEAD_REVISION = "0008"
MIGRATION_LOCK = 0x5EB0_0001

__all__ = ["HEAD_REVISION", "Conn", "Database", "IntegrityError", "Rows", "insert_sql"]


class Database:
    """The connection(s) and the write discipline.

    SQLite (the embedded default) has one writer: one connection, used by one transaction at
    a time on the event loop, which makes every read-check-write transaction atomic.
    PostgreSQL (`DATABASE_URL`) may be shared by several replicas: there, transactions that
    move money lock the customer's row (`... FOR UPDATE`, which SQLite needs not).
    """

    def __init__(self, engine: AsyncEngine | None, sqlite: SqliteConnection | None = None) -> None:
        self._engine = engine
        self._sqlite = sqlite
        self.shared = engine is not None
        self._write_lock = asyncio.Lock()
        self._checkpoints: asyncio.Task[None] | None = None

    @property
    def engine(self) -> AsyncEngine:
        """PostgreSQL's engine (leader election holds a connection of its own)."""
        assert self._engine is not None, "only a shared database has an async engine"
        return self._engine

    @classmethod
    async def open(cls, path: Path, url: str | None = None) -> Database:
        if url is not None:
            from sqlalchemy.ext.asyncio import create_async_engine

            engine = create_async_engine(
                postgres.asyncpg_url(url), pool_size=10, pool_pre_ping=True
            )
            database = cls(engine)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            database = cls(None, SqliteConnection(path))
            database._checkpoints = asyncio.create_task(database._checkpoint_forever(path))
        await database.migrate()
        return database

    @asynccontextmanager
    async def write(self) -> AsyncIterator[Conn]:
        if self._sqlite is None:
            async with self.engine.begin() as conn:
                yield PostgresConnection(conn)
            return
        async with self._write_lock:
            raw = self._sqlite.raw
            raw.execute("BEGIN IMMEDIATE")
            try:
                yield self._sqlite
            except BaseException:
                raw.rollback()
                raise
            raw.commit()

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Conn]:
        if self._sqlite is None:
            async with self.engine.connect() as conn:
                yield PostgresConnection(conn)
            return
        # Statements on the loop never interleave with another coroutine's: a read needs no
        # transaction of its own (and inside a write, it sees that write).
        yield self._sqlite

    async def _checkpoint_forever(self, path: Path, every: float = 5.0) -> None:
        """Move the write-ahead log into the database file off the event loop."""
        while True:
            await asyncio.sleep(every)
            try:
                await asyncio.to_thread(sqlite.checkpoint, path)
            except sqlite3.Error as exc:
                logger.warning("checkpoint failed", extra={"error": str(exc)})

    async def revision(self) -> str | None:
        if self._sqlite is None:
            async with self.engine.connect() as conn:
                return await conn.run_sync(postgres.revision_of)
        return sqlite.revision_of(self._sqlite.raw)

    async def migrate(self) -> None:
        if self._sqlite is None:
            async with self.engine.begin() as conn:
                # Replicas starting together: one migrates, the others wait and find it done.
                await PostgresConnection(conn).execute(
                    "SELECT pg_advisory_xact_lock(:key)", {"key": MIGRATION_LOCK}
                )
                if await conn.run_sync(postgres.revision_of) != HEAD_REVISION:
                    from bot.core.storage.migrate import upgrade_schema

                    await conn.run_sync(upgrade_schema)
            return
        if sqlite.revision_of(self._sqlite.raw) == HEAD_REVISION:
            return
        sqlite.migrate(self._sqlite.path)

    async def ping(self) -> bool:
        try:
            async with self.read() as conn:
                await conn.execute("SELECT 1")
        except Exception:
            return False
        return True

    async def close(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checkpoints
        if self._sqlite is not None:
            self._sqlite.close()
        if self._engine is not None:
            await self._engine.dispose()
