"""The bot's HTTP session to Telegram: aiogram's, with each answer's model built once.

aiogram reads every answer through `Response[<the method's result type>]`, a pydantic generic
model. pydantic keeps such models in a weak cache, so once nothing else holds one, the next
garbage collection drops it and the next answer builds it again — about a millisecond and a
half of CPU, measured under load as 12 % of a replica's time (bench/README.md, issue 29).
Holding each one used keeps pydantic's cache warm; a bot calls a handful of methods."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType


class SteadySession(AiohttpSession):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.response_models: dict[Any, type[Response[Any]]] = {}

    def check_response(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        status_code: int,
        content: str,
    ) -> Response[TelegramType]:
        returning = method.__returning__
        if returning not in self.response_models:
            self.response_models[returning] = Response[returning]  # type: ignore[valid-type]
        return super().check_response(bot, method, status_code, content)
