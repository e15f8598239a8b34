"""A button press's answer (the end of Telegram's spinner), in webhook mode sent inside the
webhook's own HTTP answer instead of as a request of its own.

Telegram runs a method the bot puts in its reply to the webhook call ("reply to the
webhook"); aiogram writes one there when an update's handling returns it. On this machine a
request costs about as much as the rest of an update's handling (bench/README.md, issue 29),
and half of a customer's updates are button presses. Polling, and any press whose handler
returns something of its own or fails, is answered as aiogram's middleware answers it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.dispatcher.flags import get_flag
from aiogram.types import CallbackQuery, TelegramObject
from aiogram.utils.callback_answer import CallbackAnswerMiddleware


class CallbackAnswers(CallbackAnswerMiddleware):
    def __init__(self, *, in_webhook_reply: bool) -> None:
        super().__init__()
        self.in_webhook_reply = in_webhook_reply

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not self.in_webhook_reply or not isinstance(event, CallbackQuery):
            return await super().__call__(handler, event, data)
        answer = data["callback_answer"] = self.construct_callback_answer(
            properties=get_flag(data, "callback_answer"),
        )
        try:
            result = await handler(event, data)
        except BaseException:
            if not answer.disabled and not answer.answered:
                await self.answer(event, answer)
            raise
        if answer.disabled or answer.answered:
            return result
        if result is not None:  # the handler's own result: answered the usual way
            await self.answer(event, answer)
            return result
        return event.answer(
            text=answer.text,
            show_alert=answer.show_alert,
            url=answer.url,
            cache_time=answer.cache_time,
        )
