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

    def __init__(
        self, pool: asyncpg.Pool, paths: SearchPaths | None = None, schema: str | None = None
    ) -> None:
        self._pool = pool
        self._paths = paths
        self._schema = schema

    async def execute(self, sql: str, parameters: Parameters = None) -> Rows:
        """A statement that reads, or writes idempotently, runs again on a fresh connection
        when the one it got was dead."""
        for attempt in (1, 2):
            async with self._pool.acquire() as conn:
                try:
                    if self._paths is not None:
                        await self._paths.point(conn, self._schema)
                    return await PostgresConnection(conn).execute(sql, parameters)
                except Exception as exc:
                    if attempt == 2 or not connection_lost(exc):
                        raise
            await forget_dead_connections(self._pool)
        raise AssertionError("unreachable")

    async def scalar(self, sql: str, parameters: Mapping[str, Any] | None = None) -> Any:
        return (await self.execute(sql, parameters)).scalar()


SCHEMA_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_UNKNOWN = object()
_MOST_REMEMBERED = 10_000  # connections' pids: more are forgotten (and pointed again)


def checked_schema(name: str) -> str:
    """A schema name the SQL may carry quoted as it is (lower case, digits, underscores)."""
    if not SCHEMA_NAME.fullmatch(name):
        raise ValueError("not a schema name: lower-case letters, digits and _, at most 63")
    return name


class SearchPaths:
    """Which shop's tables each pooled connection is pointed at (child shops: a schema each,
    one pool for all). A connection is pointed only when the shop using it changes, outside
    any transaction (a rolled-back transaction would take a SET with it): most statements
    pay one dictionary lookup."""

    def __init__(self) -> None:
        self._by_pid: dict[int, object] = {}

    async def fresh(self, conn: asyncpg.Connection) -> None:
        """The pool's `init`: a new connection has the server's search path."""
        self._remember(conn.get_server_pid(), None)

    async def point(self, conn: asyncpg.Connection, schema: str | None) -> None:
        pid = conn.get_server_pid()
        if self._by_pid.get(pid, _UNKNOWN) == schema:
            return
        if schema is None:
            await conn.execute("RESET search_path")
        else:  # the schema alone: a table it lacks is an error, never the parent's table
            await conn.execute("SELECT set_config('search_path', $1, false)", f'"{schema}"')
        self._remember(pid, schema)

    def _remember(self, pid: int, schema: str | None) -> None:
        if len(self._by_pid) >= _MOST_REMEMBERED:  # pids of connections long closed
            self._by_pid.clear()
        self._by_pid[pid] = schema


async def _reset(conn: asyncpg.Connection) -> None:
    """What a connection needs when it goes back to the pool: nothing. The stores leave no
    session state (no LISTEN, cursor or session lock — leadership holds a connection of its
    own, outside the pool; the search path is `SearchPaths`' to keep), so asyncpg's default
    reset, a round trip on every release (a third of a short read's time), is skipped."""


def server_settings(schema: str | None) -> dict[str, str]:
    return {"search_path": f'"{schema}"'} if schema is not None else {}


async def connect(url: str, schema: str | None = None) -> asyncpg.Connection:
    import asyncpg

    return await asyncpg.connect(url, server_settings=server_settings(schema))


async def create_pool(url: str, size: int, paths: SearchPaths) -> asyncpg.Pool:
    import asyncpg

    # No pre-ping: a dead connection shows itself by failing, and `Database` retries the
    # work once on a fresh one where nothing was written yet.
    return await asyncpg.create_pool(url, min_size=1, max_size=size, reset=_reset, init=paths.fresh)


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
