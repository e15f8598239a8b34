"""A button press's answer (the end of Telegram's spinner), in webhook mode sent inside the
webhook's own HTTP answer instead of as a request of its own.

Telegram runs a method the bot puts in its reply to the webhook call ("reply to the
webhook"); aiogram writes one there when an update's handling returns it. On this machine a
request costs about as much as the rest of an update's handling (bench/README.md, issue 29),
and half of a customer's updates are button presses. With polling the bot uses aiogram's
middleware; a press whose handler returns something of its own or fails is answered as that
middleware answers it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.dispatcher.flags import get_flag
from aiogram.types import CallbackQuery, TelegramObject
from aiogram.utils.callback_answer import CallbackAnswerMiddleware


class WebhookCallbackAnswers(CallbackAnswerMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, CallbackQuery):
            return await handler(event, data)
        answer = data["callback_answer"] = self.construct_callback_answer(
            properties=get_flag(data, "callback_answer"),
        )
        if not answer.disabled and answer.answered:  # answered before the handler (`pre`)
            await self.answer(event, answer)
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
        return self.answer(event, answer)  # the method itself, not sent: aiogram replies with it
