"""SQLite, the embedded default: one connection on the event loop, the standard `sqlite3`
driver, WAL with checkpoints on a thread, and Alembic only when the schema is behind."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.core.storage.sql import FOR_UPDATE, IntegrityError, Parameters, Rows, expand_lists


class DatabaseInUseError(Exception):
    """Another process already serves this SQLite file."""


def _owner_lock(path: Path) -> int:
    """An exclusive lock on `<file>.lock` for as long as this process serves the file: SQLite
    runs on the event loop, so a second process writing to it would make every customer of
    this one wait on its locks. Released by the system when the process ends, however."""
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise DatabaseInUseError(str(path)) from None
    return fd


class SqliteConnection:
    """SQLite's one connection, used on the event loop: a transaction's statements run back
    to back without yielding, so a transaction is atomic with respect to every other
    coroutine (through aiosqlite every statement cost ~4 thread hops, ~650 µs, where the
    statement itself costs microseconds; bench/README.md)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = _owner_lock(path)
        try:
            self.raw = connect(path)
        except BaseException:
            os.close(self._lock)
            raise

    def close(self) -> None:
        self.raw.close()
        os.close(self._lock)

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
            sql, values = expand_lists(sql, parameters or {})
            cursor = self.raw.execute(sql, values)
            rows = cursor.fetchall()
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from None
        columns = [column[0] for column in cursor.description] if cursor.description else []
        return Rows(rows, columns, cursor.rowcount)


def connect(path: Path) -> sqlite3.Connection:
    # Autocommit: transactions are begun and ended by Database.write(), not by the driver.
    raw = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    # WAL: readers never wait for the writer. One process owns the file (`_owner_lock`); the
    # only other connection is the checkpointer's, which never blocks a write, so a busy
    # database is a fault to report quickly, not a queue to wait in on the event loop.
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("PRAGMA busy_timeout=250")
    # Checkpoints run on a thread (Database._checkpoint_forever), never inside a commit.
    raw.execute("PRAGMA wal_autocheckpoint=0")
    raw.execute("PRAGMA foreign_keys=ON")
    return raw


def revision_of(raw: sqlite3.Connection) -> str | None:
    found = raw.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if found is None:
        return None
    row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def migrate(path: Path) -> None:
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


def checkpoint(path: Path) -> None:
    connection = sqlite3.connect(path, timeout=10)
    try:
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    finally:
        connection.close()
