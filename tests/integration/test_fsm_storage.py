"""Conversation state on the bot's database (bot/ui/fsm_storage.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.core.storage import Database
from bot.ui.fsm_storage import DatabaseStorage
from tests.backends import fresh_database_url

KEY = StorageKey(bot_id=1, chat_id=42, user_id=42)


async def test_replicas_sharing_a_database_never_serve_a_state_they_only_read(
    tmp_path: Path,
) -> None:
    """Replica A reads the conversation, replica B moves it on: A's next update sees B's."""
    url = await fresh_database_url("postgres")
    first = await Database.open(tmp_path / "unused.sqlite3", url)
    second = await Database.open(tmp_path / "unused.sqlite3", url)
    replica_a, replica_b = DatabaseStorage(first), DatabaseStorage(second)
    try:
        assert await replica_a.get_state(KEY) is None  # an update on A only reads
        await replica_b.set_state(KEY, "OrderForm:filling")
        await replica_b.set_data(KEY, {"service_id": 1})
        assert await replica_a.get_state(KEY) == "OrderForm:filling"
        assert await replica_a.get_data(KEY) == {"service_id": 1}
    finally:
        await first.close()
        await second.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_a_conversation_survives_a_restart(backend: str, tmp_path: Path) -> None:
    url = await fresh_database_url(backend)
    db = await Database.open(tmp_path / "fsm.sqlite3", url)
    storage = DatabaseStorage(db)
    await storage.set_state(KEY, "OrderForm:confirming")
    await storage.update_data(KEY, {"token": "abc"})
    await db.close()
    db = await Database.open(tmp_path / "fsm.sqlite3", url)
    try:
        restarted = DatabaseStorage(db)
        assert await restarted.get_state(KEY) == "OrderForm:confirming"
        assert await restarted.get_data(KEY) == {"token": "abc"}
    finally:
        await db.close()


async def test_a_change_is_stored_when_set_returns(tmp_path: Path) -> None:
    """No flush at the end of the update: a crash right after `set_state` loses nothing."""
    db = await Database.open(tmp_path / "fsm.sqlite3")
    try:
        await DatabaseStorage(db).set_state(KEY, "OrderForm:filling")
        async with db.read() as conn:
            stored = await conn.scalar("SELECT state FROM fsm")
        assert stored == "OrderForm:filling"
    finally:
        await db.close()


async def test_a_failed_write_fails_the_change_that_made_it(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "fsm.sqlite3")
    storage = DatabaseStorage(db)
    try:
        await storage.set_state(KEY, "OrderForm:filling")
        async with db.write() as conn:
            await conn.execute("DROP TABLE fsm")
        with pytest.raises(Exception, match="fsm"):
            await storage.set_data(KEY, {"service_id": 1})
    finally:
        await db.close()


async def test_only_the_latest_conversations_are_kept_in_memory(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "fsm.sqlite3")
    storage = DatabaseStorage(db, kept=10)
    keys = [StorageKey(bot_id=1, chat_id=chat, user_id=chat) for chat in range(50)]
    try:
        for key in keys:
            await storage.set_state(key, "S:s")
        async with db.write() as conn:  # changed behind the storage's back
            await conn.execute("UPDATE fsm SET state = 'S:changed'")
        # The oldest was let go from memory and is read again; the newest is still kept.
        assert await storage.get_state(keys[0]) == "S:changed"
        assert await storage.get_state(keys[-1]) == "S:s"
    finally:
        await db.close()
