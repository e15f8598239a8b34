"""aiogram FSM storage on the bot's database, so a conversation survives a restart."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import (
    BaseStorage,
    DefaultKeyBuilder,
    KeyBuilder,
    StateType,
    StorageKey,
)
from sqlalchemy import delete, insert, select, update

from bot.storage.db import Database
from bot.storage.tables import fsm


class DatabaseStorage(BaseStorage):
    """Writes through to the database; reads are served from memory after the first one.

    The cache is safe because one process owns the database file (replicas use Redis).
    """

    def __init__(self, db: Database, key_builder: KeyBuilder | None = None) -> None:
        self._db = db
        self._keys = key_builder or DefaultKeyBuilder(with_bot_id=True, with_destiny=True)
        self._cache: dict[str, tuple[str | None, dict[str, Any]]] = {}

    async def _load(self, key: StorageKey) -> tuple[str, str | None, dict[str, Any]]:
        name = self._keys.build(key)
        cached = self._cache.get(name)
        if cached is not None:
            return name, cached[0], cached[1]
        async with self._db.read() as conn:
            row = (
                await conn.execute(select(fsm.c.state, fsm.c.data).where(fsm.c.key == name))
            ).first()
        state, data = (row[0], json.loads(row[1])) if row else (None, {})
        self._cache[name] = (state, data)
        return name, state, data

    async def _store(self, name: str, state: str | None, data: dict[str, Any]) -> None:
        async with self._db.write() as conn:
            if state is None and not data:
                await conn.execute(delete(fsm).where(fsm.c.key == name))
            else:
                encoded = json.dumps(data, ensure_ascii=False)
                changed = await conn.execute(
                    update(fsm).where(fsm.c.key == name).values(state=state, data=encoded)
                )
                if not changed.rowcount:
                    await conn.execute(insert(fsm).values(key=name, state=state, data=encoded))
        self._cache[name] = (state, data)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name, _, data = await self._load(key)
        value = state.state if isinstance(state, State) else state
        await self._store(name, value, data)

    async def get_state(self, key: StorageKey) -> str | None:
        return (await self._load(key))[1]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        name, state, _ = await self._load(key)
        await self._store(name, state, dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return dict((await self._load(key))[2])

    async def close(self) -> None:
        self._cache.clear()
