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
        await replica_a.flush()  # the end of that update
        await replica_b.set_state(KEY, "OrderForm:filling")
        await replica_b.set_data(KEY, {"service_id": 1})
        await replica_b.flush()
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
    await storage.flush()
    await db.close()
    db = await Database.open(tmp_path / "fsm.sqlite3", url)
    try:
        restarted = DatabaseStorage(db)
        assert await restarted.get_state(KEY) == "OrderForm:confirming"
        assert await restarted.get_data(KEY) == {"token": "abc"}
    finally:
        await db.close()
