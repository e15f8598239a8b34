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
import re
import sqlite3
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # PostgreSQL's alone
    from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

logger = logging.getLogger(__name__)

# The newest migration in migrations/versions/ (a test keeps the two in step). A database
# already there starts without importing Alembic, which costs ~0.4 s of every start.
HEAD_REVISION = "0006"
MIGRATION_LOCK = 0x5EB0_0001
FOR_UPDATE = " FOR UPDATE"

Parameters = Mapping[str, Any] | Sequence[Mapping[str, Any]] | None


class IntegrityError(Exception):
    """A uniqueness or reference rule of the schema refused a write."""


class Rows:
    """A statement's result, fetched: the part of SQLAlchemy's Result the stores read."""

    __slots__ = ("_columns", "_rows", "rowcount")

    def __init__(self, rows: list[Any], columns: Sequence[str], rowcount: int = -1) -> None:
        self._rows = rows
        self._columns = columns
        self.rowcount = rowcount

    def first(self) -> Any:
        return self._rows[0] if self._rows else None

    def all(self) -> list[Any]:
        return self._rows

    def one(self) -> Any:
        if len(self._rows) != 1:
            raise LookupError(f"expected one row, got {len(self._rows)}")
        return self._rows[0]

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def scalar_one(self) -> Any:
        return self.one()[0]

    def scalars(self) -> Rows:
        return Rows([row[0] for row in self._rows], self._columns[:1], self.rowcount)

    def mappings(self) -> Rows:
        columns = self._columns
        return Rows([dict(zip(columns, row, strict=True)) for row in self._rows], columns)


class Conn(Protocol):
    async def execute(self, sql: str, parameters: Parameters = None) -> Rows: ...

    async def scalar(self, sql: str, parameters: Mapping[str, Any] | None = None) -> Any: ...


_LISTS: dict[str, re.Pattern[str]] = {}


def _expand_lists(sql: str, parameters: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
    """`x IN :names` with a list: one placeholder per item (an empty list matches nothing)."""
    lists = [name for name, value in parameters.items() if isinstance(value, list | tuple)]
    if not lists:
        return sql, parameters
    flat = dict(parameters)
    for name in lists:
        values = flat.pop(name)
        keys = [f"{name}__{index}" for index in range(len(values))]
        flat.update(zip(keys, values, strict=True))
        pattern = _LISTS.get(name) or _LISTS.setdefault(name, re.compile(rf":{name}\b"))
        sql = pattern.sub("(" + (", ".join(f":{key}" for key in keys) or "NULL") + ")", sql)
    return sql, flat


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """An INSERT of the named columns, each bound to the parameter of its name (names come
    from the code, never from input)."""
    names = ", ".join(columns)
    values = ", ".join(f":{column}" for column in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({values})"


class SqliteConnection:
    """SQLite's one connection, used on the event loop: a transaction's statements run back
    to back without yielding, so a transaction is atomic with respect to every other
    coroutine (through aiosqlite every statement cost ~4 thread hops, ~650 µs, where the
    statement itself costs microseconds; bench/README.md)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.raw = _sqlite_connect(path)

    async def execute(self, sql: str, parameters: Parameters = None) -> Rows:
        return self.run(sql, parameters)

    async def scalar(self, sql: str, parameters: Mapping[str, Any] | None = None) -> Any:
        return self.run(sql, parameters).scalar()

    def run(self, sql: str, parameters: Parameters = None) -> Rows:
        if sql.endswith(FOR_UPDATE):  # one writer at a time already: nothing to lock
            sql = sql[: -len(FOR_UPDATE)]
        try:
            if isinstance(parameters, Sequence):
                cursor = self.raw.executemany(sql, parameters)
                return Rows([], (), cursor.rowcount)
            sql, values = _expand_lists(sql, parameters or {})
            cursor = self.raw.execute(sql, values)
            rows = cursor.fetchall()
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from None
        columns = [column[0] for column in cursor.description] if cursor.description else []
        return Rows(rows, columns, cursor.rowcount)


class PostgresConnection:
    """A pooled PostgreSQL connection in a transaction, speaking the stores' SQL."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def execute(self, sql: str, parameters: Parameters = None) -> Rows:
        from sqlalchemy.exc import IntegrityError as RefusedWrite

        statement = _postgres_statement(sql, parameters)
        try:
            result = await self.conn.execute(statement, parameters)
        except RefusedWrite as exc:
            raise IntegrityError(type(exc.orig).__name__) from None
        if not result.returns_rows:
            return Rows([], (), result.rowcount)
        return Rows(list(result.all()), list(result.keys()), result.rowcount)

    async def scalar(self, sql: str, parameters: Mapping[str, Any] | None = None) -> Any:
        return (await self.execute(sql, parameters)).scalar()


_POSTGRES: dict[tuple[str, tuple[str, ...]], Any] = {}


def _postgres_statement(sql: str, parameters: Parameters) -> Any:
    """SQLAlchemy's text construct for `sql`, built once (its compiled form is cached by
    the statement's identity); list parameters expand for `IN :names`."""
    lists: tuple[str, ...] = ()
    if isinstance(parameters, Mapping):
        lists = tuple(n for n, v in parameters.items() if isinstance(v, list | tuple))
    statement = _POSTGRES.get((sql, lists))
    if statement is None:
        from sqlalchemy import bindparam, text

        statement = text(sql)
        if lists:
            statement = statement.bindparams(*(bindparam(n, expanding=True) for n in lists))
        _POSTGRES[(sql, lists)] = statement
    return statement


def _sqlite_connect(path: Path) -> sqlite3.Connection:
    # Autocommit: transactions are begun and ended by Database.write(), not by the driver.
    raw = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    # WAL: readers never wait for the writer; busy_timeout: writers queue instead of failing.
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("PRAGMA busy_timeout=10000")
    # Checkpoints run on a thread (Database._checkpoint_forever), never inside a commit.
    raw.execute("PRAGMA wal_autocheckpoint=0")
    raw.execute("PRAGMA foreign_keys=ON")
    return raw


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

            engine = create_async_engine(_asyncpg_url(url), pool_size=10, pool_pre_ping=True)
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
                await asyncio.to_thread(_checkpoint, path)
            except sqlite3.Error as exc:
                logger.warning("checkpoint failed", extra={"error": str(exc)})

    async def revision(self) -> str | None:
        if self._sqlite is None:
            async with self.engine.connect() as conn:
                return await conn.run_sync(_postgres_revision)
        return _sqlite_revision(self._sqlite.raw)

    async def migrate(self) -> None:
        if self._sqlite is None:
            async with self.engine.begin() as conn:
                # Replicas starting together: one migrates, the others wait and find it done.
                await PostgresConnection(conn).execute(
                    "SELECT pg_advisory_xact_lock(:key)", {"key": MIGRATION_LOCK}
                )
                if await conn.run_sync(_postgres_revision) != HEAD_REVISION:
                    from bot.core.storage.migrate import upgrade_schema

                    await conn.run_sync(upgrade_schema)
            return
        if _sqlite_revision(self._sqlite.raw) == HEAD_REVISION:
            return
        _migrate_sqlite(self._sqlite.path)

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
            self._sqlite.raw.close()
        if self._engine is not None:
            await self._engine.dispose()


def _sqlite_revision(raw: sqlite3.Connection) -> str | None:
    found = raw.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if found is None:
        return None
    row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def _postgres_revision(conn: Any) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()  # type: ignore[no-any-return]


def _migrate_sqlite(path: Path) -> None:
    """Alembic works through SQLAlchemy: a connection of its own, for as long as it takes."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from bot.core.storage.migrate import upgrade_schema

    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            upgrade_schema(conn)
    finally:
        engine.dispose()


def _checkpoint(path: Path) -> None:
    connection = sqlite3.connect(path, timeout=10)
    try:
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    finally:
        connection.close()


def _asyncpg_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url.removeprefix(prefix)
    return url
