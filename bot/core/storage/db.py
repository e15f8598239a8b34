"""The database engine, its write discipline, and starting it at the latest schema."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, cast

from sqlalchemy import Connection, Engine, Executable, create_engine, event, inspect, text
from sqlalchemy.pool import StaticPool

if TYPE_CHECKING:  # the async engine is PostgreSQL's alone: SQLite starts without it
    from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

logger = logging.getLogger(__name__)
T = TypeVar("T")


# The newest migration in migrations/versions/ (a test keeps the two in step). A database
# already there starts without importing Alembic, which costs ~0.4 s of every start.
HEAD_REVISION = "0006"


def stored_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_if_needed(conn: Connection) -> None:
    if stored_revision(conn) == HEAD_REVISION:
        return
    from bot.core.storage.migrate import upgrade_schema

    upgrade_schema(conn)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never wait for the writer; busy_timeout: writers queue instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    # Checkpoints run on a thread (Database._checkpoint_forever), never inside a commit.
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


S = TypeVar("S", bound=Executable)
DriverForm: TypeAlias = tuple[str, tuple[str, ...], dict[str, Any], list[str]]
# Statements marked `plain`, by identity (module-level constants, kept alive here), with their
# SQLite form once first run: (SQL, parameter names in order, bound defaults, result columns).
_PLAIN: dict[int, tuple[Executable, DriverForm | None]] = {}


def plain(statement: S) -> S:
    """Mark a prebuilt statement whose parameters and columns SQLite takes and gives as they
    are (no type conversion either way): on SQLite it then runs on the driver directly.
    SQLAlchemy's execution around a statement costs ten times what SQLite takes to run it, and
    every update runs a few of these. PostgreSQL runs it as any other statement."""
    _PLAIN[id(statement)] = (statement, None)
    return statement


def _driver_form(statement: Executable, dialect: Any) -> DriverForm:
    compiled: Any = cast(Any, statement).compile(dialect=dialect)
    converts = bool(compiled._bind_processors) or any(
        column[3]._cached_result_processor(dialect, None) is not None
        for column in compiled._result_columns
    )
    if converts or "POSTCOMPILE" in compiled.string:
        raise TypeError(f"not a plain statement (its values need converting): {compiled}")
    names = tuple(compiled.positiontup or ())
    return compiled.string, names, dict(compiled.params), [c[0] for c in compiled._result_columns]


class DriverResult:
    """The part of SQLAlchemy's Result the stores read, over rows the driver returned."""

    __slots__ = ("_columns", "_rows")

    def __init__(self, rows: list[Any], columns: list[str]) -> None:
        self._rows = rows
        self._columns = columns

    def first(self) -> Any:
        return self._rows[0] if self._rows else None

    def all(self) -> list[Any]:
        return self._rows

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def scalar_one(self) -> Any:
        if len(self._rows) != 1:
            raise LookupError(f"expected one row, got {len(self._rows)}")
        return self._rows[0][0]

    def mappings(self) -> DriverResult:
        columns = self._columns
        return DriverResult([dict(zip(columns, row, strict=True)) for row in self._rows], columns)


class LoopConnection:
    """The part of SQLAlchemy's AsyncConnection the stores use, over a synchronous SQLite
    connection, executed on the event loop itself.

    Why: through aiosqlite every statement costs ~4 thread hops (~650 µs here) while the
    statement itself costs microseconds (bench/README.md). A transaction's statements now run
    back to back without yielding, so a transaction is also atomic with respect to every other
    coroutine. Only the WAL checkpoint, the one slow thing SQLite does, runs on a thread.
    """

    def __init__(self, sync: Connection) -> None:
        self.sync = sync

    async def execute(self, statement: Executable, parameters: Any = None) -> Any:
        if id(statement) in _PLAIN:
            return self._on_driver(statement, parameters or {})
        return self.sync.execute(statement, parameters)

    def _on_driver(self, statement: Executable, parameters: dict[str, Any]) -> DriverResult:
        """In the transaction SQLAlchemy opened: the same driver connection, which begins
        and commits exactly as when SQLAlchemy sends the statement itself."""
        form = _PLAIN[id(statement)][1]
        if form is None:
            form = _driver_form(statement, self.sync.dialect)
            _PLAIN[id(statement)] = (statement, form)
        sql, names, bound, columns = form
        values = [parameters[name] if name in parameters else bound[name] for name in names]
        cursor = self.sync.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, values)
            return DriverResult(cursor.fetchall(), columns)
        finally:
            cursor.close()

    async def scalar(self, statement: Executable, parameters: Any = None) -> Any:
        return self.sync.scalar(statement, parameters)

    async def run_sync(self, fn: Callable[..., T], *args: Any) -> T:
        return fn(self.sync, *args)


if TYPE_CHECKING:
    Conn: TypeAlias = AsyncConnection | LoopConnection
else:  # annotations only: nothing needs the async connection's class at run time
    Conn = LoopConnection


class Database:
    """The engine and its write discipline.

    SQLite (the embedded default) has one writer: one connection, used by one transaction at
    a time on the event loop, which makes every read-check-write transaction atomic.
    PostgreSQL (`DATABASE_URL`) may be shared by several replicas: there, transactions that
    move money lock the customer's row.
    """

    def __init__(self, engine: AsyncEngine | None, sqlite: Engine | None = None) -> None:
        self._engine = engine
        self._sqlite = sqlite
        self._conn = sqlite.connect() if sqlite is not None else None
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
            sqlite = create_engine(f"sqlite:///{path}", poolclass=StaticPool)
            event.listen(sqlite, "connect", _sqlite_pragmas)
            database = cls(None, sqlite)
            database._checkpoints = asyncio.create_task(database._checkpoint_forever(path))
        await database.migrate()
        return database

    @asynccontextmanager
    async def write(self) -> AsyncIterator[Conn]:
        if self._conn is None:
            async with self.engine.begin() as conn:
                yield conn
            return
        async with self._write_lock:
            with self._conn.begin():
                yield LoopConnection(self._conn)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Conn]:
        if self._conn is None:
            async with self.engine.connect() as conn:
                yield conn
            return
        if self._conn.in_transaction():  # a read inside a write joins it
            yield LoopConnection(self._conn)
            return
        with self._conn.begin():
            yield LoopConnection(self._conn)

    async def _checkpoint_forever(self, path: Path, every: float = 5.0) -> None:
        """Move the write-ahead log into the database file off the event loop."""
        while True:
            await asyncio.sleep(every)
            try:
                await asyncio.to_thread(_checkpoint, path)
            except sqlite3.Error as exc:
                logger.warning("checkpoint failed", extra={"error": str(exc)})

    async def revision(self) -> str | None:
        async with self.read() as conn:
            return await conn.run_sync(stored_revision)

    async def migrate(self) -> None:
        async with self.write() as conn:
            if self.shared:
                # Replicas starting together: one migrates, the others wait and find it done.
                await conn.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                )
            await conn.run_sync(upgrade_if_needed)

    async def ping(self) -> bool:
        try:
            async with self.read() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:
            return False
        return True

    async def close(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checkpoints
        if self._conn is not None:
            self._conn.close()
        if self._sqlite is not None:
            self._sqlite.dispose()
        if self._engine is not None:
            await self._engine.dispose()


def _checkpoint(path: Path) -> None:
    connection = sqlite3.connect(path, timeout=10)
    try:
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    finally:
        connection.close()


MIGRATION_LOCK = 0x5EB0_0001


def _asyncpg_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url.removeprefix(prefix)
    return url
