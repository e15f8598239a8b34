"""The one place that decides who is an admin."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject
from aiogram.types import User as TelegramUser

from bot.core.settings import Settings


class IsAdmin(Filter):
    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: TelegramUser | None = None
    ) -> bool:
        return event_from_user is not None and settings.is_admin(event_from_user.id)


# aiogram runs synchronous filters (magic `F.…` ones included) in a worker thread, one hop
# per check on every update (bench/README.md). These are the few the routers need, async.


class TypedText(Filter):
    """A text message that is not a command: an answer or a search."""

    async def __call__(self, message: Message) -> bool:
        return bool(message.text) and not (message.text or "").startswith("/")


class CommandLike(Filter):
    async def __call__(self, message: Message) -> bool:
        return (message.text or "").startswith("/")


class TextIs(Filter):
    def __init__(self, word: str) -> None:
        self._word = word.casefold()

    async def __call__(self, message: Message) -> bool:
        return (message.text or "").strip().casefold() == self._word


class PaymentReceived(Filter):
    async def __call__(self, message: Message) -> bool:
        return message.successful_payment is not None
