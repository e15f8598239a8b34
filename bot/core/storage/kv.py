"""Settings admins change while the bot runs (markups, route ranks, alert marks): a key/value
table every replica reads."""

from __future__ import annotations

import time

from bot.core.storage.base import StoreBase


class KeyValueStore(StoreBase):
    async def get_kv(self, key: str) -> str | None:
        async with self.db.read() as conn:
            found = await conn.execute("SELECT value FROM kv WHERE key = :key", {"key": key})
            value = found.scalar()
        return None if value is None else str(value)

    async def set_kv(self, key: str, value: str | None) -> None:
        if value is None:
            await self.db.run("DELETE FROM kv WHERE key = :key", {"key": key})
            return
        # One statement: a delete then an insert let two writers of one key (replicas) both
        # find it gone and both insert.
        await self.db.run(
            "INSERT INTO kv (key, value) VALUES (:key, :value)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            {"key": key, "value": value},
        )

    async def kv_with_prefix(self, prefix: str) -> dict[str, str]:
        async with self.db.read() as conn:
            rows = await conn.execute(
                "SELECT key, value FROM kv WHERE key LIKE :pattern", {"pattern": prefix + "%"}
            )
            return {r[0]: r[1] for r in rows.all()}

    async def claim(self, key: str, ttl: float) -> bool:
        """Take `key` for `ttl` seconds, across replicas; False when someone holds it. A claim
        left by a process that died is taken over once it is older than `ttl`. One statement:
        a read, then a write, would let two takers both see it free."""
        now = time.time()
        async with self.db.write() as conn:
            taken = await conn.execute(
                "INSERT INTO kv (key, value) VALUES (:key, :now) ON CONFLICT (key) DO UPDATE"
                " SET value = excluded.value WHERE kv.value < :stale RETURNING key",
                {"key": key, "now": _stamp(now), "stale": _stamp(now - ttl)},
            )
            return taken.first() is not None

    async def release(self, key: str) -> None:
        await self.set_kv(key, None)


def _stamp(moment: float) -> str:
    """A time as text that sorts as the time does (fixed width), in either database."""
    return f"{moment:020.6f}"
