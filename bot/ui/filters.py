"""The one place that decides who is an admin, and the few filters the routers share.

Each also has a synchronous `gate(event, data)`: a necessary condition the dispatcher checks
before walking a router at all (bot/ui/dispatch.py); it must never be False when the filter
could pass."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject
from aiogram.types import User as TelegramUser

from bot.core.settings import Settings


class IsAdmin(Filter):
    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: TelegramUser | None = None
    ) -> bool:
        return event_from_user is not None and settings.is_admin(event_from_user.id)

    def gate(self, event: Any, data: dict[str, Any]) -> bool:
        # Set by CustomerMiddleware for every person writing; unknown means "maybe".
        return bool(data.get("is_admin", True))


# aiogram runs synchronous filters (magic `F.…` ones included) in a worker thread, one hop
# per check on every update (bench/README.md). These are the few the routers need, async.


class GatedFilter(Filter):
    """A filter whose whole check is its gate: cheap and synchronous, so the dispatcher can
    ask it before walking a router and aiogram awaits it like any filter."""

    async def __call__(self, message: Message) -> bool:
        return self.gate(message, {})

    def gate(self, event: Any, data: dict[str, Any]) -> bool:
        raise NotImplementedError


def is_typed_text(event: Any) -> bool:
    text = getattr(event, "text", None)
    return isinstance(text, str) and bool(text) and not text.startswith("/")


class TypedText(GatedFilter):
    """A text message that is not a command: an answer or a search."""

    def gate(self, event: Any, data: dict[str, Any]) -> bool:
        return is_typed_text(event)


class CommandLike(GatedFilter):
    def gate(self, event: Any, data: dict[str, Any]) -> bool:
        return (getattr(event, "text", None) or "").startswith("/")


class TextIs(GatedFilter):
    def __init__(self, word: str) -> None:
        self._word = word.casefold()

    def gate(self, event: Any, data: dict[str, Any]) -> bool:
        return (getattr(event, "text", None) or "").strip().casefold() == self._word


class PaymentReceived(GatedFilter):
    def gate(self, event: Any, data: dict[str, Any]) -> bool:
        return getattr(event, "successful_payment", None) is not None
