"""Conversations in Redis for replicas (bot/ui/fsm_redis.py): what aiogram's RedisStorage
stored carries on, another replica's change is seen, and an update costs one read."""

from __future__ import annotations

import itertools
import time
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.redis import RedisStorage
from redis.asyncio import Redis

from bot.ui.fsm_redis import RedisConversations
from bot.ui.fsm_storage import ConversationScope
from tests import backends

# Chats no earlier run used (a developer's Redis may outlive a run).
_chats = itertools.count(time.time_ns() // 1000)


@pytest.fixture
def redis_url() -> str:
    return backends.redis_url()


@pytest_asyncio.fixture
async def replicas(redis_url: str) -> AsyncIterator[tuple[RedisConversations, RedisConversations]]:
    first, second = RedisConversations.from_url(redis_url), RedisConversations.from_url(redis_url)
    yield first, second
    await first.close()
    await second.close()


def a_customer() -> StorageKey:
    chat = next(_chats)
    return StorageKey(bot_id=1, chat_id=chat, user_id=chat)


async def calls(redis_url: str) -> dict[str, int]:
    """Commands the Redis server ran since the last reset, by name."""
    client = Redis.from_url(redis_url)
    try:
        stats = await client.info("commandstats")
    finally:
        await client.aclose()
    return {
        name.removeprefix("cmdstat_"): int(value["calls"])
        for name, value in stats.items()
        # (not connections' handshakes — HELLO, CLIENT SETINFO — nor this probe's reset and INFO)
        if name.removeprefix("cmdstat_").split("|")[0] not in {"info", "config", "hello", "client"}
    }


async def reset_calls(redis_url: str) -> None:
    client = Redis.from_url(redis_url)
    try:
        await client.config_resetstat()
    finally:
        await client.aclose()


async def test_a_conversation_aiogram_stored_carries_on_after_the_upgrade(
    redis_url: str, replicas: tuple[RedisConversations, RedisConversations]
) -> None:
    key = a_customer()
    before = RedisStorage.from_url(redis_url)  # what replicas ran until now
    await before.set_state(key, "OrderForm:filling")
    await before.set_data(key, {"service_id": 7, "answers": {"link": "https://t.me/x"}})
    await before.close()
    storage, _ = replicas
    assert await storage.get_state(key) == "OrderForm:filling"
    assert await storage.get_data(key) == {"service_id": 7, "answers": {"link": "https://t.me/x"}}


async def test_another_replicas_change_is_seen_by_the_next_update(
    replicas: tuple[RedisConversations, RedisConversations],
) -> None:
    key = a_customer()
    replica_a, replica_b = replicas
    assert await replica_a.get_state(key) is None
    await replica_b.set_state(key, "OrderForm:confirming")
    await replica_b.set_data(key, {"token": "abc"})
    assert await replica_a.get_state(key) == "OrderForm:confirming"
    assert await replica_a.get_data(key) == {"token": "abc"}
    await replica_a.set_state(key, None)
    await replica_a.set_data(key, {})
    assert await replica_b.get_state(key) is None
    assert await replica_b.get_data(key) == {}


async def test_an_update_reads_its_conversation_once_and_writes_only_a_change(
    redis_url: str, replicas: tuple[RedisConversations, RedisConversations]
) -> None:
    key = a_customer()
    storage, _ = replicas
    await storage.set_state(key, "OrderForm:filling")
    await reset_calls(redis_url)
    async with ConversationScope().lock(key):  # what aiogram wraps an update in
        assert await storage.get_state(key) == "OrderForm:filling"
        assert await storage.get_data(key) == {}
        await storage.set_state(key, "OrderForm:filling")  # unchanged
        await storage.update_data(key, {"link": "https://t.me/x"})
        assert await storage.get_data(key) == {"link": "https://t.me/x"}
    assert await calls(redis_url) == {"mget": 1, "multi": 1, "set": 1, "exec": 1}
    async with ConversationScope().lock(key):  # the next update reads again
        assert await storage.get_data(key) == {"link": "https://t.me/x"}
