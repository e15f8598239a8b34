"""Backups of the whole database, and restoring one into an empty database.

SQLite: a consistent copy taken while the shop runs (SQLite's online backup, in a thread:
customers are not kept waiting), gzip-compressed. PostgreSQL: `pg_dump` in its custom
format when the client tools are installed (they are not part of the bot)."""

from __future__ import annotations

import asyncio
import gzip
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core.storage.db import Database


class BackupUnavailableError(Exception):
    """No backup can be made (or restored) here: the message says why, for the owner."""


@dataclass(frozen=True)
class Backup:
    filename: str
    content: bytes


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S", time.gmtime())


def _sqlite_copy(path: Path) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite3"
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)  # consistent even while the shop writes
        finally:
            target.close()
            source.close()
        return gzip.compress(copy.read_bytes(), compresslevel=6)


async def _run(*command: str) -> bytes:
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await process.communicate()
    if process.returncode != 0:
        # The tool's own words, without the connection string (it may hold a password).
        first = err.decode(errors="replace").strip().splitlines()[:1]
        raise BackupUnavailableError(f"{command[0]} failed: {' '.join(first)[:200]}")
    return out


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupUnavailableError(
            f"{name} is not installed here (PostgreSQL's client tools, e.g. postgresql-client)"
        )
    return found


async def make_backup(path: Path, url: str | None, schema: str | None = None) -> Backup:
    """The database as one file: SQLite's file gzip-compressed, or PostgreSQL's dump (a child
    shop's: its schema alone)."""
    if url is None:
        content = await asyncio.to_thread(_sqlite_copy, path)
        return Backup(f"smm-bot-{_stamp()}.sqlite3.gz", content)
    only = [f"--schema={schema}"] if schema is not None else []
    dump = await _run(_tool("pg_dump"), "--format=custom", "--no-owner", *only, f"--dbname={url}")
    return Backup(f"smm-bot-{_stamp()}.pgdump", dump)


@dataclass(frozen=True)
class BackupSource:
    """What /backup and the schedule copy: this shop's database, wherever it lives."""

    path: Path
    url: str | None
    schema: str | None

    @classmethod
    def of(cls, db: Database, path: Path | None = None) -> BackupSource:
        return cls(db.path or path or Path(), db.url, db.schema)

    async def make(self) -> Backup:
        return await make_backup(self.path, self.url, self.schema)


def _sqlite_is_empty(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    finally:
        conn.close()
    return bool(tables[0] == 0)


async def _postgres_is_empty(url: str) -> bool:
    out = await _run(
        _tool("psql"),
        f"--dbname={url}",
        "--tuples-only",
        "--no-align",
        "--command=SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
    )
    return out.decode().strip() == "0"


def _restore_sqlite(file: Path, path: Path) -> None:
    if not _sqlite_is_empty(path):
        raise BackupUnavailableError(f"{path} already holds a database: restore into a new one")
    try:
        content = gzip.decompress(file.read_bytes())
    except (OSError, EOFError) as exc:
        raise BackupUnavailableError(f"{file} is not a backup of this bot") from exc
    if not content.startswith(b"SQLite format 3\x00"):
        raise BackupUnavailableError(f"{file} is not a backup of this bot")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


async def restore_backup(file: Path, path: Path, url: str | None) -> None:
    """Restore `file` into an empty database (never over a shop's data)."""
    if url is None:
        await asyncio.to_thread(_restore_sqlite, file, path)
        return
    if not await _postgres_is_empty(url):
        raise BackupUnavailableError("the database already holds tables: restore into a new one")
    await _run(_tool("pg_restore"), "--no-owner", f"--dbname={url}", str(file))
