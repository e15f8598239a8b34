"""aiogram FSM storage on the bot's database, so a conversation survives a restart.

Reads are served from memory after the first one when one process owns the database
(SQLite). On a shared database (replicas) nothing read is kept past the update: the next
update may arrive at another replica and change the conversation there.
Changes are kept in memory and written by `flush()`, which a middleware calls once at the
end of every update: one transaction per update instead of one per set_state/set_data, and
none at all when nothing changed.
"""

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

from bot.core.storage.db import Database

Entry = tuple[str | None, dict[str, Any]]
# Every update reads its conversation and most write it back.
_LOAD = "SELECT state, data FROM fsm WHERE key = :name"
_DELETE = "DELETE FROM fsm WHERE key = :name"
# Insert or replace in one statement: two updates of one chat flushing at once on a shared
# database must not both try to insert the row.
_UPSERT = (
    "INSERT INTO fsm (key, state, data) VALUES (:k, :s, :d) "
    "ON CONFLICT (key) DO UPDATE SET state = excluded.state, data = excluded.data"
)


class DatabaseStorage(BaseStorage):
    def __init__(self, db: Database, key_builder: KeyBuilder | None = None) -> None:
        self._db = db
        # A shared database (replicas) may be changed by another process: read it every update.
        self._keep = not db.shared
        self._keys = key_builder or DefaultKeyBuilder(with_bot_id=True, with_destiny=True)
        self._cache: dict[str, Entry] = {}
        self._stored: dict[str, Entry] = {}  # what the database holds, to skip no-op writes
        self._dirty: set[str] = set()

    async def _load(self, key: StorageKey) -> tuple[str, Entry]:
        name = self._keys.build(key)
        cached = self._cache.get(name)
        if cached is not None:
            return name, cached
        async with self._db.read() as conn:
            row = (await conn.execute(_LOAD, {"name": name})).first()
        entry: Entry = (row[0], json.loads(row[1])) if row else (None, {})
        self._cache[name] = self._stored[name] = entry
        return name, entry

    def _change(self, name: str, entry: Entry) -> None:
        self._cache[name] = entry
        if self._stored.get(name) == entry:
            self._dirty.discard(name)
        else:
            self._dirty.add(name)

    async def flush(self) -> None:
        """Write every changed conversation in one transaction; on a shared database, also
        forget what was only read, so the next update reads it fresh."""
        if self._dirty:
            await self._write()
        if not self._keep:
            # Entries changed since (another update in flight) stay until their own flush.
            for name in [name for name in self._cache if name not in self._dirty]:
                self._cache.pop(name, None)
                self._stored.pop(name, None)

    async def _write(self) -> None:
        names, self._dirty = self._dirty, set()
        # What to write is taken now: other updates may change or drop entries meanwhile.
        entries = {name: self._cache[name] for name in names}
        async with self._db.write() as conn:
            for name, (state, data) in entries.items():
                if state is None and not data:
                    await conn.execute(_DELETE, {"name": name})
                else:
                    encoded = json.dumps(data, ensure_ascii=False)
                    await conn.execute(_UPSERT, {"k": name, "s": state, "d": encoded})
        if self._keep:
            for name, entry in entries.items():
                self._stored[name] = entry

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name, (_, data) = await self._load(key)
        self._change(name, (state.state if isinstance(state, State) else state, data))

    async def get_state(self, key: StorageKey) -> str | None:
        return (await self._load(key))[1][0]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        name, (state, _) = await self._load(key)
        self._change(name, (state, dict(data)))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return dict((await self._load(key))[1][1])

    async def close(self) -> None:
        await self.flush()
        self._cache.clear()
        self._stored.clear()
