"""Customers as the handlers see them, with an in-memory cache in front of the database."""

from __future__ import annotations

from aiogram.types import User as TelegramUser

from bot.domain import User
from bot.storage import Repository


class Customers:
    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self._cache: dict[int, User] = {}

    async def on_contact(self, tg_user: TelegramUser) -> tuple[User, bool]:
        """The stored customer; created on first contact. The flag is True when new."""
        cached = self._cache.get(tg_user.id)
        if cached is not None and cached.username == tg_user.username and cached.is_active:
            return cached, False
        user, created = await self._repo.ensure_user(
            tg_user.id, tg_user.username, tg_user.first_name
        )
        self._cache[user.id] = user
        return user, created

    def forget(self, user_id: int) -> None:
        self._cache.pop(user_id, None)

    async def set_locale(self, user_id: int, locale: str) -> None:
        await self._repo.set_locale(user_id, locale)
        self.forget(user_id)

    async def set_banned(self, user_id: int, banned: bool) -> bool:
        found = await self._repo.set_banned(user_id, banned)
        self.forget(user_id)
        return found

    async def mark_inactive(self, user_id: int) -> int:
        dropped = await self._repo.mark_inactive(user_id)
        self.forget(user_id)
        return dropped
