"""Schema migrations (Alembic): a fresh database, and one made before Alembic, on both backends."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Column, Connection, Float, Integer, MetaData, Table, insert, text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.core.storage import Database
from bot.core.storage.migrate import _alembic_config
from bot.core.storage.postgres import asyncpg_url
from bot.core.storage.tables import metadata
from bot.core.stores import Stores
from tests.backends import BACKENDS, fresh_database_url

HEAD = "0013"
# The tables the bot had before Alembic.


def _first_revision(conn: Connection) -> None:
    command.upgrade(_alembic_config(conn), "0001")


async def _legacy_database(path: Path, url: str | None, *, version: int) -> None:
    """What the bot made before Alembic: every table, a `schema_version` table with its
    hand-written versions, and (version 1) no `orders.poll_errors` column yet."""
    engine = create_async_engine(asyncpg_url(url) if url else f"sqlite+aiosqlite:///{path}")
    legacy = MetaData()
    schema_version = Table(
        "schema_version",
        legacy,
        Column("version", Integer, primary_key=True, autoincrement=False),
        Column("applied_at", Float, nullable=False),
    )
    async with engine.begin() as conn:
        # Alembic's first revision is exactly the schema the bot made before Alembic.
        await conn.run_sync(_first_revision)
        await conn.execute(text("DROP TABLE alembic_version"))
        await conn.run_sync(legacy.create_all)
        for number in range(1, version + 1):
            await conn.execute(insert(schema_version).values(version=number, applied_at=0))
        if version < 2:
            await conn.execute(text("ALTER TABLE orders DROP COLUMN poll_errors"))
        await conn.execute(
            text(
                "INSERT INTO users (id, username, first_name, locale, is_banned, is_active,"
                " created_at) VALUES (77, 'old', 'Old', 'fr', false, true, 0)"
            )
        )
        await conn.execute(
            text(
                "INSERT INTO ledger (user_id, amount_micros, kind, ref, created_at)"
                " VALUES (77, 12500000, 'topup', 'stars:old', 0)"
            )
        )
    await engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_fresh_database_is_created_at_the_latest_revision(
    backend: str, tmp_path: Path
) -> None:
    db = await Database.open(tmp_path / "fresh.sqlite3", await fresh_database_url(backend))
    try:
        assert await db.revision() == HEAD
        await db.migrate()  # a second start changes nothing
        assert await db.revision() == HEAD
    finally:
        await db.close()


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_database_made_before_alembic_upgrades_without_loss(
    backend: str, version: int, tmp_path: Path
) -> None:
    path = tmp_path / "old.sqlite3"
    url = await fresh_database_url(backend)
    await _legacy_database(path, url, version=version)
    db = await Database.open(path, url)
    try:
        stores = Stores.over(db)
        assert await db.revision() == HEAD
        old = await stores.users.get_user(77)
        assert old is not None and old.locale == "fr"
        assert await stores.wallets.balance(77) == Decimal("12.5")
        # The upgraded schema works for what the bot does next: a new user, money, an order.
        await stores.users.ensure_user(78, "new", "New")
        await stores.wallets.credit(78, Decimal(5), "credit")
        assert await stores.wallets.balance(78) == Decimal(5)
        assert await stores.statuses.open_panel_orders() == []
    finally:
        await db.close()


def test_the_head_the_bot_checks_at_start_is_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from bot.core.storage.db import HEAD_REVISION
    from bot.core.storage.migrate import MIGRATIONS_PATH

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_PATH))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def _schema_differences(conn: Connection) -> list[Any]:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    context = MigrationContext.configure(conn)
    return list(compare_metadata(context, metadata))


@pytest.mark.parametrize("backend", BACKENDS)
async def test_the_migrated_schema_is_the_one_tables_py_describes(
    backend: str, tmp_path: Path
) -> None:
    """The stores write SQL by hand against this schema; `tables.py` documents it and is
    what Alembic compares a new revision with."""
    url = await fresh_database_url(backend)
    path = tmp_path / "schema.sqlite3"
    await (await Database.open(path, url)).close()
    engine = create_async_engine(asyncpg_url(url) if url else f"sqlite+aiosqlite:///{path}")
    try:
        async with engine.connect() as conn:
            differences = await conn.run_sync(_schema_differences)
    finally:
        await engine.dispose()
    assert differences == []
