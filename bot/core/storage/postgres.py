"""PostgreSQL, for replicas: the stores' SQL straight on asyncpg (the driver, a pool of
connections; SQLAlchemy only migrates). `:name` parameters become `$n` once per statement
shape; asyncpg prepares each statement once per connection. asyncpg is imported only here,
and only when a `DATABASE_URL` is set."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from bot.core.storage.sql import IntegrityError, Parameters, Rows, expand_lists

if TYPE_CHECKING:
    import asyncpg

_NAME = re.compile(r"(?<![:\w]):(\w+)")
_COUNTED = re.compile(r"^\s*(?:INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
_STATEMENTS: dict[str, tuple[str, tuple[str, ...], bool]] = {}
MAX_STATEMENTS = 2000  # shapes kept (an `IN` list of another length is another shape)


def compiled(sql: str) -> tuple[str, tuple[str, ...], bool]:
    """($n SQL, the parameter names in $ order, whether it returns rows)."""
    found = _STATEMENTS.get(sql)
    if found is None:
        names: list[str] = []

        def number(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in names:
                names.append(name)
            return f"${names.index(name) + 1}"

        text = _NAME.sub(number, sql)
        rows = not _COUNTED.match(sql) or " RETURNING " in sql.upper()
        found = (text, tuple(names), rows)
        if len(_STATEMENTS) < MAX_STATEMENTS:
            _STATEMENTS[sql] = found
    return found


def _rowcount(status: str) -> int:
    """asyncpg's command tag ("UPDATE 3", "INSERT 0 1") → how many rows it touched."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else -1


class PostgresConnection:
    """A pooled PostgreSQL connection (in a transaction inside `Database.write`)."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn

    async def execute(self, sql: str, parameters: Parameters = None) -> Rows:
        import asyncpg

        try:
            if isinstance(parameters, Sequence) and not isinstance(parameters, Mapping):
                return await self._execute_many(sql, parameters)
            flat: Mapping[str, Any] = {}
            if parameters:
                sql, flat = expand_lists(sql, parameters)
            text, names, rows = compiled(sql)
            args = [flat[name] for name in names]
            if rows:
                records = await self.conn.fetch(text, *args)
                columns = list(records[0].keys()) if records else []
                return Rows(records, columns, len(records))
            return Rows([], (), _rowcount(await self.conn.execute(text, *args)))
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise IntegrityError(type(exc).__name__) from None

    async def _execute_many(self, sql: str, batch: Sequence[Mapping[str, Any]]) -> Rows:
        text, names, _ = compiled(sql)
        await self.conn.executemany(text, [[row[name] for name in names] for row in batch])
        return Rows([], (), len(batch))

    async def scalar(self, sql: str, parameters: Mapping[str, Any] | None = None) -> Any:
        return (await self.execute(sql, parameters)).scalar()


class PoolReader:
    """Statements outside a transaction, each on a pooled connection taken for it alone."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def execute(self, sql: str, parameters: Parameters = None, *, retry: bool = True) -> Rows:
        """`retry`: a statement that wrote nothing may run again on a fresh connection when
        the one it got was dead."""
        for attempt in (1, 2):
            async with self._pool.acquire() as conn:
                try:
                    return await PostgresConnection(conn).execute(sql, parameters)
                except Exception as exc:
                    if attempt == 2 or not retry or not connection_lost(exc):
                        raise
            await forget_dead_connections(self._pool)
        raise AssertionError("unreachable")

    async def scalar(self, sql: str, parameters: Mapping[str, Any] | None = None) -> Any:
        return (await self.execute(sql, parameters)).scalar()


async def _reset(conn: asyncpg.Connection) -> None:
    """What a connection needs when it goes back to the pool: nothing. The stores leave no
    session state (no SET, LISTEN, cursor or session lock — leadership holds a connection of
    its own, outside the pool), so asyncpg's default reset, a round trip on every release
    (a third of a short read's time), is skipped."""


async def connect(url: str) -> asyncpg.Connection:
    import asyncpg

    return await asyncpg.connect(url)


async def create_pool(url: str, size: int) -> asyncpg.Pool:
    import asyncpg

    # No pre-ping: a dead connection shows itself by failing, and `Database` retries the
    # work once on a fresh one where nothing was written yet.
    return await asyncpg.create_pool(url, min_size=1, max_size=size, reset=_reset)


async def forget_dead_connections(pool: asyncpg.Pool) -> None:
    """After one connection was found dead: what killed it (a restarted server, a proxy's
    timeout) usually killed its idle siblings too, so the pool replaces them all on their
    next acquire instead of letting the retry draw another dead one."""
    await pool.expire_connections()


def connection_lost(exc: BaseException) -> bool:
    """The connection died under us (the server restarted, a proxy dropped it)."""
    import asyncpg

    # A connection the server closed while it sat idle in the pool fails its next statement
    # with one of these (which one depends on when asyncpg noticed).
    return isinstance(
        exc,
        asyncpg.PostgresConnectionError
        | asyncpg.InterfaceError
        | asyncpg.InternalClientError
        | ConnectionError,
    )


async def revision(conn: asyncpg.Connection) -> str | None:
    """The schema's Alembic revision, read without SQLAlchemy (a database at the head starts
    without importing it)."""
    if await conn.fetchval("SELECT to_regclass('alembic_version')") is None:
        return None
    found = await conn.fetchval("SELECT version_num FROM alembic_version LIMIT 1")
    return None if found is None else str(found)


def asyncpg_url(url: str) -> str:
    """SQLAlchemy's name for the URL (migrations and the tests' own engines)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url.removeprefix(prefix)
    return url
