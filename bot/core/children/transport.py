"""A child shop's panel is its parent: each API v2 call the child's panel client makes is
answered by the parent's API v2 rules (bot/core/reselling) for the child's owner, in this
process — the reseller's wallet pays, the parent's catalog and poller serve, no HTTP."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

import httpx

from bot.core.reselling.api import INVALID_KEY, ApiError

logger = logging.getLogger(__name__)
Answer = Callable[[int, Mapping[str, str]], Awaitable[Any]]
Banned = Callable[[int], Awaitable[bool]]


def refused_to_the_banned(params: Mapping[str, str]) -> bool:
    """A reseller banned here places no new order through their wallet here (the ban holds
    in their shop too); what their customers already paid for is still followed — statuses,
    refills and cancels, whose refunds travel back to both wallets."""
    return params.get("action", "").strip().lower() == "add"


class ParentTransport(httpx.AsyncBaseTransport):
    def __init__(self, answer: Answer, owner_id: int, banned: Banned | None = None) -> None:
        self._answer = answer
        self._owner = owner_id
        self._banned = banned

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        form = dict(parse_qsl((await request.aread()).decode("utf-8", "replace")))
        form.pop("key", None)  # the owner is known: the child holds no key of the parent's
        try:
            if await self._refused(form):  # as a banned reseller's key is refused over HTTP
                raise ApiError(INVALID_KEY)
            answer = await self._answer(self._owner, form)
        except ApiError as refused:
            answer = {"error": refused.words}
        except Exception:
            # What a panel's crash looks like to its clients: a read is tried again later, an
            # `add` is held as uncertain (the parent may have placed it) — never re-sent.
            logger.exception("the parent failed a child's call", extra={"owner": self._owner})
            return httpx.Response(500, text="Internal Server Error", request=request)
        return httpx.Response(200, json=answer, request=request)

    async def _refused(self, form: Mapping[str, str]) -> bool:
        if self._banned is None or not refused_to_the_banned(form):
            return False  # one read of the owner per order placed, none for the rest
        return await self._banned(self._owner)
