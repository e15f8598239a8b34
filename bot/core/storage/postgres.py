"""PostgreSQL, for replicas: the stores' SQL through SQLAlchemy's async engine over asyncpg.
SQLAlchemy is imported only here, and only when a `DATABASE_URL` is set."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.core.storage.sql import IntegrityError, Parameters, Rows

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection


class PostgresConnection:
    """A pooled PostgreSQL connection in a transaction, speaking the stores' SQL."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def execute(self, sql: str, parameters: Parameters = None) -> Rows:
        from sqlalchemy.exc import IntegrityError as RefusedWrite

        statement = statement_for(sql, parameters)
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


def statement_for(sql: str, parameters: Parameters) -> Any:
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


def revision_of(conn: Any) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()  # type: ignore[no-any-return]


def asyncpg_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url.removeprefix(prefix)
    return url
