"""The PostgreSQL path replicas run on (bot/core/storage/postgres.py, db.py): no pre-ping —
a connection that died while idle is found out by failing and the work runs again on a fresh
one where nothing was written yet; one round trip for a one-statement write; a conversation
read once per update however often it is asked for."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest_asyncio
from aiogram.fsm.storage.base import StorageKey

from bot.core.storage import Database
from bot.core.storage.kv import KeyValueStore
from bot.ui.fsm_storage import ConversationScope, DatabaseStorage
from tests.backends import fresh_database_url


@pytest_asyncio.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    url = await fresh_database_url("postgres")
    opened = await Database.open(tmp_path / "unused.sqlite3", url)
    yield opened
    await opened.close()


async def kill_pool_connections(db: Database) -> int:
    """What a restarted server or a proxy's timeout does to idle connections."""
    conn = await asyncpg.connect(db._url)  # the test's own connection
    try:
        return int(
            await conn.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    finally:
        await conn.close()


async def test_a_dead_idle_connection_is_replaced_and_the_work_runs_once(db: Database) -> None:
    settings = KeyValueStore(db)
    await settings.set_kv("probe", "1")
    assert await kill_pool_connections(db) >= 1
    assert await settings.get_kv("probe") == "1"  # a read: run again on a fresh connection
    assert await kill_pool_connections(db) >= 1
    await settings.set_kv("probe", "2")  # an idempotent write: run again on a fresh one
    assert await settings.get_kv("probe") == "2"
    assert await kill_pool_connections(db) >= 1
    async with db.write() as conn:
        await conn.execute(
            "INSERT INTO kv (key, value) VALUES ('counted', '1') ON CONFLICT (key) DO UPDATE"
            " SET value = CAST(CAST(kv.value AS INTEGER) + 1 AS TEXT)"
        )
    assert await settings.get_kv("counted") == "1"  # once, not twice


async def test_a_conversation_is_read_once_per_update_on_a_shared_database(
    db: Database,
) -> None:
    storage = DatabaseStorage(db)
    key = StorageKey(bot_id=1, chat_id=7, user_id=7)
    await storage.set_state(key, "form:link")
    await storage.set_data(key, {"service": 1})
    statements = 0
    original = type(db).read

    def counting_read(self: Database):
        nonlocal statements
        statements += 1
        return original(self)

    type(db).read = counting_read  # type: ignore[method-assign]
    try:
        async with ConversationScope().lock(key):  # what aiogram wraps an update in
            assert await storage.get_state(key) == "form:link"
            assert await storage.get_data(key) == {"service": 1}
            await storage.set_data(key, {"service": 1, "link": "x"})
            assert (await storage.get_data(key))["link"] == "x"
        assert statements == 1
        assert await storage.get_state(key) == "form:link"  # the next update reads again
        assert statements == 2
    finally:
        type(db).read = original  # type: ignore[method-assign]
