"""Customers: stored on first contact, language, bans, who blocked the bot."""

from __future__ import annotations

import time

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.core.domain import (
    User,
)
from bot.core.storage.base import StoreBase
from bot.core.storage.rows import (
    user_from_row,
)
from bot.core.storage.tables import outbox, users

_BY_ID = select(users).where(users.c.id == bindparam("user_id"))


class UserStore(StoreBase):
    async def ensure_user(
        self, user_id: int, username: str | None, first_name: str | None
    ) -> tuple[User, bool]:
        """The stored user, created on first contact; the flag tells whether it is new."""
        async with self.db.read() as conn:
            row = (
                (await conn.execute(select(users).where(users.c.id == user_id))).mappings().first()
            )
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
            row = (
                (await conn.execute(select(users).where(users.c.id == user_id))).mappings().first()
            )
            if row is None:
                await conn.execute(
                    insert(users).values(
                        id=user_id,
                        username=username,
                        first_name=(first_name or "")[:128],
                        is_banned=False,
                        is_active=True,
                        created_at=time.time(),
                    )
                )
                created = True
            else:
                # A user who writes again has unblocked the bot.
                await conn.execute(
                    update(users)
                    .where(users.c.id == user_id)
                    .values(username=username, is_active=True)
                )
                created = False
            row = (await conn.execute(select(users).where(users.c.id == user_id))).mappings().one()
        return user_from_row(row), created

    async def get_user(self, user_id: int) -> User | None:
        async with self.db.read() as conn:
            row = (await conn.execute(_BY_ID, {"user_id": user_id})).mappings().first()
        return user_from_row(row) if row else None

    async def find_user(self, reference: str) -> User | None:
        """By numeric id or @username."""
        reference = reference.strip()
        if reference.lstrip("-").isdigit():
            return await self.get_user(int(reference))
        name = reference.removeprefix("@").lower()
        async with self.db.read() as conn:
            query = select(users).where(func.lower(users.c.username) == name)
            row = (await conn.execute(query)).mappings().first()
        return user_from_row(row) if row else None

    async def set_locale(self, user_id: int, locale: str) -> None:
        async with self.db.write() as conn:
            await conn.execute(update(users).where(users.c.id == user_id).values(locale=locale))

    async def set_banned(self, user_id: int, banned: bool) -> bool:
        async with self.db.write() as conn:
            result = await conn.execute(
                update(users).where(users.c.id == user_id).values(is_banned=banned)
            )
        return bool(result.rowcount)

    async def mark_inactive(self, chat_id: int) -> int:
        """The user blocked the bot: stop sending; returns how many pending rows were dropped."""
        async with self.db.write() as conn:
            await conn.execute(update(users).where(users.c.id == chat_id).values(is_active=False))
            result = await conn.execute(
                delete(outbox).where(outbox.c.chat_id == chat_id, outbox.c.sent_at.is_(None))
            )
        return result.rowcount

    async def active_user_ids(self) -> list[int]:
        async with self.db.read() as conn:
            query = select(users.c.id).where(users.c.is_active, ~users.c.is_banned)
            return list((await conn.execute(query)).scalars().all())
