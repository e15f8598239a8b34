"""Customers: stored on first contact, language, bans, who blocked the bot."""

from __future__ import annotations

import time

from bot.core.domain import MAX_BIG_ID, User, parse_id
from bot.core.storage.base import StoreBase
from bot.core.storage.db import IntegrityError
from bot.core.storage.rows import (
    user_from_row,
)

_BY_ID = "SELECT * FROM users WHERE id = :user_id"


class UserStore(StoreBase):
    async def ensure_user(
        self, user_id: int, username: str | None, first_name: str | None
    ) -> tuple[User, bool]:
        """The stored user, created on first contact; the flag tells whether it is new."""
        async with self.db.read() as conn:
            row = (await conn.execute(_BY_ID, {"user_id": user_id})).mappings().first()
        if row is not None and row["username"] == username and row["is_active"]:
            return user_from_row(row), False
        try:
            return await self._store_user(user_id, username, first_name)
        except IntegrityError:
            # A concurrent first update of the same user stored it first.
            return await self._store_user(user_id, username, first_name)

    async def _store_user(
        self, user_id: int, username: str | None, first_name: str | None
    ) -> tuple[User, bool]:
        async with self.db.write() as conn:
            if username:
                # A username belongs to one account at a time: whoever wrote with it last.
                await conn.execute(
                    "UPDATE users SET username = NULL WHERE lower(username) = :name AND id != :id",
                    {"name": username.lower(), "id": user_id},
                )
            row = (await conn.execute(_BY_ID, {"user_id": user_id})).mappings().first()
            if row is None:
                await conn.execute(
                    "INSERT INTO users (id, username, first_name, is_banned, is_active, created_at)"
                    " VALUES (:id, :username, :first_name, FALSE, TRUE, :now)",
                    {
                        "id": user_id,
                        "username": username,
                        "first_name": (first_name or "")[:128],
                        "now": time.time(),
                    },
                )
                created = True
            else:
                # A user who writes again has unblocked the bot.
                await conn.execute(
                    "UPDATE users SET username = :username, is_active = TRUE WHERE id = :id",
                    {"id": user_id, "username": username},
                )
                created = False
            row = (await conn.execute(_BY_ID, {"user_id": user_id})).mappings().one()
        return user_from_row(row), created

    async def get_user(self, user_id: int) -> User | None:
        async with self.db.read() as conn:
            row = (await conn.execute(_BY_ID, {"user_id": user_id})).mappings().first()
        return user_from_row(row) if row else None

    async def is_banned(self, user_id: int) -> bool:
        found = await self.get_user(user_id)
        return found is not None and found.is_banned

    async def find_user(self, reference: str) -> User | None:
        """By numeric id or @username."""
        reference = reference.strip()
        user_id = parse_id(reference, MAX_BIG_ID)
        if user_id is not None:
            return await self.get_user(user_id)
        name = reference.removeprefix("@").lower()
        async with self.db.read() as conn:
            query = "SELECT * FROM users WHERE lower(username) = :name LIMIT 2"
            rows = (await conn.execute(query, {"name": name})).mappings().all()
        # Two holders (kept from before a name moved): which one is meant is not known.
        return user_from_row(rows[0]) if len(rows) == 1 else None

    async def set_locale(self, user_id: int, locale: str) -> None:
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE users SET locale = :locale WHERE id = :id",
                {"id": user_id, "locale": locale},
            )

    async def set_banned(self, user_id: int, banned: bool) -> bool:
        async with self.db.write() as conn:
            result = await conn.execute(
                "UPDATE users SET is_banned = :banned WHERE id = :id",
                {"id": user_id, "banned": banned},
            )
        return bool(result.rowcount)

    async def mark_inactive(self, chat_id: int) -> int:
        """The user blocked the bot: stop sending; returns how many pending rows were dropped."""
        async with self.db.write() as conn:
            await conn.execute("UPDATE users SET is_active = FALSE WHERE id = :id", {"id": chat_id})
            result = await conn.execute(
                "DELETE FROM outbox WHERE chat_id = :id AND sent_at IS NULL", {"id": chat_id}
            )
        return result.rowcount

    async def active_user_ids(self) -> list[int]:
        async with self.db.read() as conn:
            query = "SELECT id FROM users WHERE is_active AND NOT is_banned"
            return list((await conn.execute(query)).scalars().all())
