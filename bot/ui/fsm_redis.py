"""Conversations in Redis (replicas with `REDIS_URL`), on the keys aiogram's `RedisStorage`
uses (`fsm:<chat>:<user>:state` and `:data`), so conversations stored before carry on.

Unlike `RedisStorage` (a round trip for every get and set, a write even when nothing
changed), an update reads its conversation once — both keys in one `MGET` — and a change
is one round trip, only when there is one. Each round trip is about as long as the rest of
an update's handling on a shared machine."""

from __future__ import annotations

import json

from aiogram.fsm.storage.base import DefaultKeyBuilder, StorageKey
from redis.asyncio import Redis

from bot.ui.fsm_storage import ConversationStorage, Entry

_SEPARATOR = ":"


class RedisRows:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._keys = DefaultKeyBuilder(separator=_SEPARATOR)  # RedisStorage's default

    def name(self, key: StorageKey) -> str:
        return self._keys.build(key)

    async def read(self, name: str) -> Entry:
        state, data = await self._redis.mget(_state_key(name), _data_key(name))
        return (
            state.decode() if isinstance(state, bytes) else state,
            json.loads(data) if data is not None else {},
        )

    async def write(self, name: str, current: Entry, entry: Entry) -> None:
        (state, data), (old_state, old_data) = entry, current
        async with self._redis.pipeline(transaction=True) as changes:
            if state != old_state:
                if state is None:
                    changes.delete(_state_key(name))
                else:
                    changes.set(_state_key(name), state)
            if data != old_data:
                if data:
                    changes.set(_data_key(name), json.dumps(data, ensure_ascii=False))
                else:
                    changes.delete(_data_key(name))
            await changes.execute()


def _state_key(name: str) -> str:
    return f"{name}{_SEPARATOR}state"


def _data_key(name: str) -> str:
    return f"{name}{_SEPARATOR}data"


class RedisConversations(ConversationStorage):
    """Nothing kept in memory: another replica may move a conversation on."""

    def __init__(self, redis: Redis) -> None:
        super().__init__(RedisRows(redis), kept=0)
        self._redis = redis

    @classmethod
    def from_url(cls, url: str) -> RedisConversations:
        return cls(Redis.from_url(url))

    async def close(self) -> None:
        await super().close()
        await self._redis.aclose()
