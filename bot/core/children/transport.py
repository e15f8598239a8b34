"""A child shop's panel is its parent: each API v2 call the child's panel client makes is
answered by the parent's API v2 rules (bot/core/reselling) for the child's owner, in this
process — the reseller's wallet pays, the parent's catalog and poller serve, no HTTP."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

import httpx

from bot.core.reselling.api import ApiError

logger = logging.getLogger(__name__)
Answer = Callable[[int, Mapping[str, str]], Awaitable[Any]]


class ParentTransport(httpx.AsyncBaseTransport):
    def __init__(self, answer: Answer, owner_id: int) -> None:
        self._answer = answer
        self._owner = owner_id

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        form = dict(parse_qsl((await request.aread()).decode("utf-8", "replace")))
        form.pop("key", None)  # the owner is known: the child holds no key of the parent's
        try:
            answer = await self._answer(self._owner, form)
        except ApiError as refused:
            answer = {"error": refused.words}
        except Exception:
            # What a panel's crash looks like to its clients: a read is tried again later, an
            # `add` is held as uncertain (the parent may have placed it) — never re-sent.
            logger.exception("the parent failed a child's call", extra={"owner": self._owner})
            return httpx.Response(500, text="Internal Server Error", request=request)
        return httpx.Response(200, json=answer, request=request)
