"""What the owner set inside Telegram, kept in the key/value table every replica reads: each
setting's raw text (validated before it is stored), the owners who claimed the shop with
the setup code, the one-time code itself, and a revision that changes with every write so
replicas notice."""

from __future__ import annotations

from bot.core.storage.kv import KeyValueStore

PREFIX = "config:"
OWNERS = "setup:owners"
CODE = "setup:code"
REVISION = "setup:revision"


class ConfigStore:
    def __init__(self, kv: KeyValueStore) -> None:
        self._kv = kv

    async def stored(self) -> dict[str, str]:
        found = await self._kv.kv_with_prefix(PREFIX)
        return {key.removeprefix(PREFIX): value for key, value in found.items()}

    async def save(self, changes: dict[str, str | None]) -> None:
        """Store (or, with None, forget) settings; the caller validated them."""
        for name, raw in changes.items():
            await self._kv.set_kv(PREFIX + name, raw)
        await self._bump()

    async def owners(self) -> frozenset[int]:
        raw = await self._kv.get_kv(OWNERS) or ""
        return frozenset(int(part) for part in raw.split(",") if part.strip().isdigit())

    async def add_owner(self, user_id: int) -> None:
        owners = await self.owners() | {user_id}
        await self._kv.set_kv(OWNERS, ",".join(str(o) for o in sorted(owners)))
        await self._kv.set_kv(CODE, None)  # the code was for one person, once
        await self._bump()

    async def code(self) -> str | None:
        return await self._kv.get_kv(CODE)

    async def keep_code(self, code: str) -> None:
        await self._kv.set_kv(CODE, code)

    async def revision(self) -> str:
        return await self._kv.get_kv(REVISION) or "0"

    async def _bump(self) -> None:
        await self._kv.set_kv(REVISION, str(int(await self.revision()) + 1))
