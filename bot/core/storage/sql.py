"""The SQL both databases speak: statements with `:name` parameters (a list expands for
`IN :names`), their fetched results, and the one refusal the stores act on."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

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


def expand_lists(sql: str, parameters: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
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
