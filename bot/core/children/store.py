"""Child shops in the parent's database: one row per managed bot, written once when Telegram
reports it (a report delivered twice finds the row) and when its token or state changes."""

from __future__ import annotations

import time
from typing import Any

from pydantic import SecretStr

from bot.core.children.shop import Child, ChildState
from bot.core.storage.base import StoreBase

SELECT = "SELECT bot_id, owner_id, username, token, state, created_at, paid_until FROM child_shops"


def _child(row: Any) -> Child:
    known = {state.value for state in ChildState}
    state = ChildState(row[4]) if row[4] in known else ChildState.RUNNING
    paid_until = float(row[6]) if row[6] is not None else None
    token = SecretStr(str(row[3]))
    return Child(int(row[0]), int(row[1]), str(row[2]), token, state, float(row[5]), paid_until)


class ChildStore(StoreBase):
    async def add(
        self, bot_id: int, owner_id: int, username: str, token: str
    ) -> tuple[Child, bool]:
        """The child, and whether it is new (False: Telegram reported it before)."""
        now = time.time()
        async with self.db.write() as conn:
            made = await conn.execute(
                "INSERT INTO child_shops (bot_id, owner_id, username, token, state, created_at,"
                " updated_at) VALUES (:bot_id, :owner_id, :username, :token, :state, :now, :now)"
                " ON CONFLICT (bot_id) DO NOTHING RETURNING bot_id",
                {
                    "bot_id": bot_id,
                    "owner_id": owner_id,
                    "username": username[:64],
                    "token": token,
                    "state": ChildState.RUNNING.value,
                    "now": now,
                },
            )
            new = made.first() is not None
        found = await self.get(bot_id)
        assert found is not None
        return found, new

    async def get(self, bot_id: int) -> Child | None:
        async with self.db.read() as conn:
            row = (
                await conn.execute(SELECT + " WHERE bot_id = :bot_id", {"bot_id": bot_id})
            ).first()
        return _child(row) if row else None

    async def all(self) -> list[Child]:
        async with self.db.read() as conn:
            rows = (await conn.execute(SELECT + " ORDER BY bot_id")).all()
        return [_child(row) for row in rows]

    async def set_token(self, bot_id: int, token: str) -> None:
        await self._update(bot_id, "token", token)

    async def set_state(self, bot_id: int, state: ChildState) -> None:
        await self._update(bot_id, "state", state.value)

    async def set_paid_until(self, bot_id: int, until: float) -> None:
        await self._update(bot_id, "paid_until", until)

    async def _update(self, bot_id: int, column: str, value: str | float) -> None:
        assert column in {"token", "state", "paid_until"}
        async with self.db.write() as conn:
            await conn.execute(
                f"UPDATE child_shops SET {column} = :value, updated_at = :now"  # noqa: S608
                " WHERE bot_id = :bot_id",
                {"value": value, "now": time.time(), "bot_id": bot_id},
            )
