"""Customers as the handlers see them, with an in-memory cache in front of the database."""

from __future__ import annotations

import time

from bot.core.customers.user_store import UserStore
from bot.core.domain import User


class Customers:
    """`ttl_seconds`: how long a cached customer is trusted. None (one process) means until
    this process changes it; replicas sharing a database set a few seconds, so a ban or a
    language chosen through another replica is seen soon."""

    def __init__(self, users: UserStore, ttl_seconds: float | None = None) -> None:
        self._users = users
        self._ttl = ttl_seconds
        self._cache: dict[int, tuple[User, float]] = {}

    async def on_contact(
        self, user_id: int, username: str | None, first_name: str | None
    ) -> tuple[User, bool]:
        """The stored customer; created on first contact. The flag is True when new."""
        cached = self._cache.get(user_id)
        if cached is not None:
            user, stored_at = cached
            fresh = self._ttl is None or time.monotonic() - stored_at < self._ttl
            if fresh and user.username == username and user.is_active:
                return user, False
        user, created = await self._users.ensure_user(user_id, username, first_name)
        self._cache[user.id] = (user, time.monotonic())
        return user, created

    def forget(self, user_id: int) -> None:
        self._cache.pop(user_id, None)

    async def set_locale(self, user_id: int, locale: str) -> None:
        await self._users.set_locale(user_id, locale)
        self.forget(user_id)

    async def set_banned(self, user_id: int, banned: bool) -> bool:
        found = await self._users.set_banned(user_id, banned)
        self.forget(user_id)
        return found

    async def mark_inactive(self, user_id: int) -> int:
        dropped = await self._users.mark_inactive(user_id)
        self.forget(user_id)
        return dropped
