"""The database, its write discipline, and starting it at the latest schema.

The stores speak SQL that SQLite and PostgreSQL both understand, with `:name` parameters.
SQLite (the embedded default) runs it on the standard `sqlite3` driver, on the event loop;
PostgreSQL on asyncpg's pool. SQLAlchemy and Alembic are imported only for migrating: on
SQLite they were the largest part of the bot's memory (~12 MB of the ~40 it adds to aiogram;
bench/README.md), and on PostgreSQL running a statement through SQLAlchemy's async engine
cost three times what asyncpg takes (bench/README.md, issue 29)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.storage import postgres, sqlite
from bot.core.storage.postgres import PoolReader, PostgresConnection, SearchPaths, checked_schema
from bot.core.storage.sql import Conn, IntegrityError, Rows, insert_sql
from bot.core.storage.sqlite import SqliteConnection

if TYPE_CHECKING:  # PostgreSQL's alone
    import asyncpg

logger = logging.getLogger(__name__)

# The newest migration in migrations/versions/ (a test keeps the two in step). A database
# already there starts without importing Alembic, which costs ~0.4 s of every start.
HEAD_REVISION = "0013"
MIGRATION_LOCK = 0x5EB0_0001
POOL_SIZE = 10

__all__ = ["HEAD_REVISION", "Conn", "Database", "IntegrityError", "Rows", "insert_sql"]


class Database:
    """The connection(s) and the write discipline.

    SQLite (the embedded default) has one writer: one connection, used by one transaction at
    a time on the event loop, which makes every read-check-write transaction atomic.
    PostgreSQL (`DATABASE_URL`) may be shared by several replicas: there, transactions that
    move money lock the customer's row (`... FOR UPDATE`, which SQLite needs not). A child
    shop's database there is a schema of its own over the parent's pool (`child`).
    """

    def __init__(
        self,
        pool: asyncpg.Pool | None,
        sqlite: SqliteConnection | None = None,
        url: str | None = None,
        *,
        paths: SearchPaths | None = None,
        schema: str | None = None,
    ) -> None:
        self._pool = pool
        self._url = url
        self._sqlite = sqlite
        self._paths = paths
        self.schema = schema  # None: the shop's own tables (`public`); else a child's schema
        self.shared = pool is not None
        self._write_lock = asyncio.Lock()
        self._checkpoints: asyncio.Task[None] | None = None

    @property
    def url(self) -> str | None:
        """PostgreSQL's connection string (None on SQLite)."""
        return self._url

    @property
    def path(self) -> Path | None:
        """SQLite's file (None on PostgreSQL)."""
        return self._sqlite.path if self._sqlite is not None else None

    @property
    def pool(self) -> asyncpg.Pool:
        """PostgreSQL's pool (leader election holds a connection of its own)."""
        assert self._pool is not None, "only a shared database has a pool"
        return self._pool

    @classmethod
    async def open(cls, path: Path, url: str | None = None) -> Database:
        if url is not None:
            paths = SearchPaths()
            pool = await postgres.create_pool(url, POOL_SIZE, paths)
            database = cls(pool, url=url, paths=paths)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            database = cls(None, SqliteConnection(path))
            database._checkpoints = asyncio.create_task(database._checkpoint_forever(path))
        await database.migrate()
        return database

    async def child(self, schema: str) -> Database:
        """A child shop's database on this PostgreSQL: its tables in `schema` (made and
        migrated here), its statements on this database's pool — a hundred children need no
        hundred pools, which would be more connections than a server allows."""
        assert self._pool is not None, "SQLite children have files of their own"
        found = Database(
            self._pool, url=self._url, paths=self._paths, schema=checked_schema(schema)
        )
        await found.migrate()
        return found

    @asynccontextmanager
    async def write(self) -> AsyncIterator[Conn]:
        if self._sqlite is None:
            async with self._begun() as conn:
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
            # Outside a transaction each statement takes a pooled connection of its own and
            # gives it back at once: a read costs its one round trip, and a connection found
            # dead is replaced and the statement run again (it wrote nothing).
            yield PoolReader(self.pool, self._paths, self.schema)
            return
        # Statements on the loop never interleave with another coroutine's: a read needs no
        # transaction of its own (and inside a write, it sees that write).
        yield self._sqlite

    @asynccontextmanager
    async def session(self) -> AsyncIterator[Conn]:
        """A PostgreSQL connection of its own, outside the pool, for as long as the block runs
        (an advisory lock lives as long as its connection: closing it lets the lock go)."""
        assert self._url is not None
        conn = await postgres.connect(self._url, self.schema)
        try:
            yield PostgresConnection(conn)
        finally:
            await conn.close(timeout=5)  # a connection gone silent is dropped, not waited on

    async def run(self, sql: str, parameters: Mapping[str, Any] | None = None) -> Rows:
        """One statement that is a whole write on its own and leaves the same rows however
        often it runs (an upsert of given values, a delete or an update by key): on
        PostgreSQL one round trip, with no BEGIN and COMMIT around it. Being idempotent is
        what lets it run again on a fresh connection when the one it got was dead (whether
        the dead one ran it first cannot be known)."""
        if self._sqlite is None:
            return await PoolReader(self.pool, self._paths, self.schema).execute(sql, parameters)
        async with self.write() as conn:
            return await conn.execute(sql, parameters)

    @asynccontextmanager
    async def _begun(self) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection in a transaction. A connection that died while idle fails at
        BEGIN, before anything is written: the transaction starts once more on a fresh one."""
        for attempt in (1, 2):
            async with self.pool.acquire() as conn:
                transaction = conn.transaction()
                try:
                    await self._point(conn)  # outside the transaction: a rollback keeps it
                    await transaction.start()
                except Exception as exc:
                    if attempt == 2 or not postgres.connection_lost(exc):
                        raise
                    logger.warning("a database connection was lost; starting again")
                else:
                    try:
                        yield conn
                    except BaseException:
                        await transaction.rollback()
                        raise
                    await transaction.commit()
                    return
            await postgres.forget_dead_connections(self.pool)

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
            async with self.pool.acquire() as conn:
                await self._point(conn)
                return await postgres.revision(conn)
        return sqlite.revision_of(self._sqlite.raw)

    async def migrate(self) -> None:
        if self._sqlite is None:
            async with self.pool.acquire() as conn:
                await self._point(conn)  # a schema not made yet is no error: it has no tables
                if await postgres.revision(conn) == HEAD_REVISION:
                    return  # most starts (every child's, every replica's): no DDL, no lock
                if self.schema is not None:
                    await conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                async with conn.transaction():
                    # Replicas starting together: one migrates, the others wait and find it
                    # done.
                    await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
                    if await postgres.revision(conn) != HEAD_REVISION:
                        await self._upgrade_postgres()
            return
        if sqlite.revision_of(self._sqlite.raw) == HEAD_REVISION:
            return
        sqlite.migrate(self._sqlite.path)

    async def _upgrade_postgres(self) -> None:
        """Alembic on SQLAlchemy's engine, only while the schema is behind."""
        from sqlalchemy.ext.asyncio import create_async_engine

        from bot.core.storage.migrate import upgrade_schema

        assert self._url is not None
        engine = create_async_engine(
            postgres.asyncpg_url(self._url),
            poolclass=_null_pool(),
            connect_args={"server_settings": postgres.server_settings(self.schema)},
        )
        try:
            async with engine.begin() as conn:
                await conn.run_sync(upgrade_schema)
        finally:
            await engine.dispose()

    async def ping(self) -> bool:
        try:
            async with self.read() as conn:
                await conn.execute("SELECT 1")
        except Exception:
            return False
        return True

    async def _point(self, conn: asyncpg.Connection) -> None:
        if self._paths is not None:
            await self._paths.point(conn, self.schema)

    async def close(self) -> None:
        """A child's database leaves the pool to its parent."""
        if self.schema is not None:
            return
        if self._checkpoints is not None:
            self._checkpoints.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checkpoints
        if self._sqlite is not None:
            self._sqlite.close()
        if self._pool is not None:
            await self._pool.close()


def _null_pool() -> Any:
    from sqlalchemy.pool import NullPool

    return NullPool
