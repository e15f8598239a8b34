"""The one place that decides who is an admin, and the few filters the routers share."""

from __future__ import annotations

from typing import Any

from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message, PreCheckoutQuery, TelegramObject
from aiogram.types import User as TelegramUser

from bot.core.plans.rules import is_plan_payload
from bot.core.settings import Settings


class IsAdmin(Filter):
    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: TelegramUser | None = None
    ) -> bool:
        return event_from_user is not None and settings.is_admin(event_from_user.id)


# aiogram runs synchronous filters (magic `F.…` ones included) in a worker thread, one hop
# per check on every update (bench/README.md). These are the few the routers need, async.


class MessageCheck(Filter):
    """A filter whose whole check is a cheap synchronous look at the message, awaited by
    aiogram like any filter (no worker thread)."""

    async def __call__(self, message: Message) -> bool:
        return self.check(message)

    def check(self, event: Any) -> bool:
        raise NotImplementedError


def is_typed_text(event: Any) -> bool:
    text = getattr(event, "text", None)
    return isinstance(text, str) and bool(text) and not text.startswith("/")


class TypedText(MessageCheck):
    """A text message that is not a command: an answer or a search."""

    def check(self, event: Any) -> bool:
        return is_typed_text(event)


class CommandLike(MessageCheck):
    def check(self, event: Any) -> bool:
        return (getattr(event, "text", None) or "").startswith("/")


def chat_of(event: Any) -> Any:
    """The chat a message or a button press happened in (None: an inline message)."""
    message = getattr(event, "message", None) if isinstance(event, CallbackQuery) else event
    return getattr(message, "chat", None)


class OutsidePrivateChat(Filter):
    """A message or button in a group, supergroup or channel."""

    async def __call__(self, event: TelegramObject) -> bool:
        chat = chat_of(event)
        return chat is not None and chat.type != ChatType.PRIVATE


class TextIs(MessageCheck):
    def __init__(self, word: str) -> None:
        self._word = word.casefold()

    def check(self, event: Any) -> bool:
        return (getattr(event, "text", None) or "").strip().casefold() == self._word


class PaymentReceived(MessageCheck):
    def check(self, event: Any) -> bool:
        return getattr(event, "successful_payment", None) is not None


class PlanPaymentReceived(MessageCheck):
    """A payment (first or renewal) of a recurring plan."""

    def check(self, event: Any) -> bool:
        payment = getattr(event, "successful_payment", None)
        return payment is not None and is_plan_payload(payment.invoice_payload)


class PlanCheckout(Filter):
    """A pre-checkout of a recurring plan's first payment."""

    async def __call__(self, query: PreCheckoutQuery) -> bool:
        return is_plan_payload(query.invoice_payload)
