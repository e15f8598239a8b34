"""The one place that decides who is an admin."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject
from aiogram.types import User as TelegramUser

from bot.settings import Settings


class IsAdmin(Filter):
    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: TelegramUser | None = None
    ) -> bool:
        return event_from_user is not None and settings.is_admin(event_from_user.id)
