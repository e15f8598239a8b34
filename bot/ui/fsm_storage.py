"""aiogram FSM storage on the bot's database, so a conversation survives a restart.

Written when it changes, as aiogram's storage contract expects: `set_state` and `set_data`
have stored the conversation when they return, so a failed write fails the update that made
it, and a customer who saw the next question has had the answer that led to it saved.
When one process owns the database (SQLite), the latest conversations are also kept in
memory (a bounded number) so reading one costs no query; on a shared database (replicas)
the next update may arrive at another replica, so a conversation is read once per update
(`ConversationScope` keeps it for the rest of that update) and written in one statement.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import AsyncGenerator, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import (
    BaseEventIsolation,
    BaseStorage,
    DefaultKeyBuilder,
    KeyBuilder,
    StateType,
    StorageKey,
)

from bot.core.storage.db import Database

Entry = tuple[str | None, dict[str, Any]]
# The conversations read or written while handling the current update (replicas only).
_THIS_UPDATE: ContextVar[dict[str, Entry] | None] = ContextVar("fsm_this_update", default=None)
KEPT_CONVERSATIONS = 10_000
_LOAD = "SELECT state, data FROM fsm WHERE key = :name"
_DELETE = "DELETE FROM fsm WHERE key = :name"
# Insert or replace in one statement: two updates of one chat writing at once on a shared
# database must not both try to insert the row.
_UPSERT = (
    "INSERT INTO fsm (key, state, data) VALUES (:k, :s, :d) "
    "ON CONFLICT (key) DO UPDATE SET state = excluded.state, data = excluded.data"
)


class ConversationRows(Protocol):
    """Where conversations are kept: the bot's database, or Redis."""

    def name(self, key: StorageKey) -> str: ...

    async def read(self, name: str) -> Entry: ...

    async def write(self, name: str, current: Entry, entry: Entry) -> None:
        """Store `entry` in place of `current` (which differs from it) in one round trip."""


class ConversationStorage(BaseStorage):
    """aiogram's storage contract on `ConversationRows`: read at most once per update on a
    shared store, written only when something changed."""

    def __init__(self, rows: ConversationRows, kept: int = KEPT_CONVERSATIONS) -> None:
        self._rows = rows
        self._kept = kept
        self._cache: OrderedDict[str, Entry] = OrderedDict()

    async def _load(self, key: StorageKey) -> tuple[str, Entry]:
        name = self._rows.name(key)
        cached = self._cache.get(name)
        if cached is not None:
            self._cache.move_to_end(name)
            return name, cached
        this_update = _THIS_UPDATE.get()
        if this_update is not None and name in this_update:
            return name, this_update[name]
        entry = await self._rows.read(name)
        self._keep(name, entry)
        if this_update is not None:
            this_update[name] = entry
        return name, entry

    def _keep(self, name: str, entry: Entry) -> None:
        if not self._kept:
            return
        self._cache[name] = entry
        self._cache.move_to_end(name)
        while len(self._cache) > self._kept:
            self._cache.popitem(last=False)

    async def _store(self, name: str, current: Entry, entry: Entry) -> None:
        if entry == current:
            return  # nothing changed: no write
        # Forgotten first: if the write fails, the next read asks the store.
        self._cache.pop(name, None)
        this_update = _THIS_UPDATE.get()
        if this_update is not None:
            this_update.pop(name, None)
        await self._rows.write(name, current, entry)
        self._keep(name, entry)
        if this_update is not None:
            this_update[name] = entry

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name, current = await self._load(key)
        raw = state.state if isinstance(state, State) else state
        await self._store(name, current, (raw, current[1]))

    async def get_state(self, key: StorageKey) -> str | None:
        return (await self._load(key))[1][0]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        name, current = await self._load(key)
        await self._store(name, current, (current[0], dict(data)))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return dict((await self._load(key))[1][1])

    async def close(self) -> None:
        self._cache.clear()


class DatabaseRows:
    """Conversations as rows of the bot's database."""

    def __init__(self, db: Database, key_builder: KeyBuilder | None = None) -> None:
        self._db = db
        self._keys = key_builder or DefaultKeyBuilder(with_bot_id=True, with_destiny=True)

    def name(self, key: StorageKey) -> str:
        return self._keys.build(key)

    async def read(self, name: str) -> Entry:
        async with self._db.read() as conn:
            row = (await conn.execute(_LOAD, {"name": name})).first()
        return (row[0], json.loads(row[1])) if row else (None, {})

    async def write(self, name: str, current: Entry, entry: Entry) -> None:
        state, data = entry
        # One statement each: a whole write on its own (one round trip on PostgreSQL).
        if state is None and not data:
            await self._db.run(_DELETE, {"name": name})
        else:
            encoded = json.dumps(data, ensure_ascii=False)
            await self._db.run(_UPSERT, {"k": name, "s": state, "d": encoded})


class DatabaseStorage(ConversationStorage):
    def __init__(
        self,
        db: Database,
        key_builder: KeyBuilder | None = None,
        kept: int = KEPT_CONVERSATIONS,
    ) -> None:
        # A shared database may be changed by another process: nothing is kept.
        super().__init__(DatabaseRows(db, key_builder), 0 if db.shared else kept)


class ConversationScope(BaseEventIsolation):
    """Marks one update's handling (aiogram runs the state's read and the handlers inside
    `lock`): the conversation is read from a shared database at most once in it, however
    many filters and handlers ask. Updates of one chat are not serialised by it."""

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        token = _THIS_UPDATE.set({})
        try:
            yield
        finally:
            _THIS_UPDATE.reset(token)

    async def close(self) -> None:
        pass
