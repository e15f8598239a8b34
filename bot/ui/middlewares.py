"""Outer middlewares: who is writing (stored on first contact, bans), and flood control."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.types import TelegramObject, Update
from aiogram.types import User as TelegramUser

from bot.core.customers.directory import Customers
from bot.core.ops import metrics
from bot.core.settings import Settings
from bot.ui.i18n import Translator, pick_locale
from bot.ui.rate_limit import TokenBuckets

logger = logging.getLogger(__name__)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


async def _say(update: Update, text: str) -> None:
    """Answer whatever the update is, in the simplest form that update allows."""
    if update.message is not None:
        await update.message.answer(text)
    elif update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)


class MetricsMiddleware(BaseMiddleware):
    """Counts updates by type and times their handling (the /metrics endpoint)."""

    def __init__(self) -> None:
        # `labels()` takes a lock and builds a key on every call: one counter per kind, kept.
        self._counters: dict[str, Any] = {}

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        kind = event.event_type if isinstance(event, Update) else type(event).__name__
        started = time.perf_counter()
        try:
            return await handler(event, data)
        finally:
            counter = self._counters.get(kind)
            if counter is None:
                counter = self._counters[kind] = metrics.UPDATES.labels(kind)
            counter.inc()
            metrics.UPDATE_SECONDS.observe(time.perf_counter() - started)


class ReleaseUpdateMiddleware(BaseMiddleware):
    """aiogram-i18n's context and the update's handler data refer to each other; left so,
    every update's data (its FSM context, chat, user, i18n context: ~11 objects) waits for
    the cyclic garbage collector. Breaking the cycle when the update is done frees them at
    once — a third fewer collections (bench/README.md).

    It also counts the updates being handled, so a shutdown (or an in-process rebuild after a
    settings change) lets them finish before the database closes."""

    def __init__(self, context_key: str = "i18n") -> None:
        self._key = context_key
        self._handling = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        self._handling += 1
        self._idle.clear()
        try:
            result = await handler(event, data)
        finally:
            self._handling -= 1
            if not self._handling:
                self._idle.set()
        # Not after an error: the errors router still answers with this data, translated.
        data.pop(self._key, None)
        return result

    async def wait_idle(self, seconds: float) -> bool:
        """Whether every update being handled finished within `seconds`."""
        try:
            await asyncio.wait_for(self._idle.wait(), seconds)
        except TimeoutError:
            return False
        return True


def _outside_private_chat(data: dict[str, Any]) -> bool:
    chat = data.get("event_chat")
    return chat is not None and chat.type != ChatType.PRIVATE


class CustomerMiddleware(BaseMiddleware):
    """Stores the customer on first contact; a banned customer is told once, then ignored."""

    def __init__(self, customers: Customers, settings: Settings, translate: Translator) -> None:
        self._customers = customers
        self._settings = settings
        self._translate = translate
        self._told_banned: set[int] = set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        tg_user: TelegramUser | None = data.get("event_from_user")
        if tg_user is None or tg_user.is_bot or _outside_private_chat(data):
            # Someone writing in a group is not a customer (yet): no row is made for them.
            return await handler(event, data)
        customer, created = await self._customers.on_contact(
            tg_user.id, tg_user.username, tg_user.first_name
        )
        data["customer"] = customer
        data["new_customer"] = created  # a referral link ties only a customer who just arrived
        data["is_admin"] = self._settings.is_admin(tg_user.id)
        if customer.is_banned and not data["is_admin"]:
            if isinstance(event, Update) and event.pre_checkout_query is not None:
                # Refuse a payment explicitly rather than let Telegram time it out.
                return await handler(event, data)
            if tg_user.id not in self._told_banned and isinstance(event, Update):
                self._told_banned.add(tg_user.id)
                locale = pick_locale(
                    customer.locale, tg_user.language_code, self._settings.default_locale
                )
                await _say(event, self._translate("banned", locale))
            return None
        self._told_banned.discard(tg_user.id)
        return await handler(event, data)


def _is_payment(event: TelegramObject) -> bool:
    """Money moving: Telegram waits for the pre-checkout answer (10 s) and a successful payment
    must be credited, however fast the customer taps."""
    if not isinstance(event, Update):
        return False
    message = event.message
    return event.pre_checkout_query is not None or (
        message is not None and message.successful_payment is not None
    )


class ThrottleMiddleware(BaseMiddleware):
    """A token bucket per user: a flood is dropped after one warning."""

    def __init__(self, rate_per_second: float, translate: Translator, default_locale: str) -> None:
        self._buckets = TokenBuckets(rate_per_second, burst=max(5.0, rate_per_second * 3))
        self._translate = translate
        self._default_locale = default_locale

    def allow(self, user_id: int, now: float) -> tuple[bool, bool]:
        """(allowed, warn now): the first refusal of a flood is warned about, once."""
        return self._buckets.take(user_id, now)

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        tg_user: TelegramUser | None = data.get("event_from_user")
        if tg_user is None or data.get("is_admin") or _is_payment(event):
            return await handler(event, data)
        allowed, warn = self.allow(tg_user.id, time.monotonic())
        if allowed:
            return await handler(event, data)
        if warn and isinstance(event, Update) and (event.message or event.callback_query):
            customer = data.get("customer")
            locale = pick_locale(
                customer.locale if customer else None, tg_user.language_code, self._default_locale
            )
            await _say(event, self._translate("throttled", locale))
        logger.info("update dropped by flood control", extra={"user": tg_user.id})
        return None


class PausedShop(BaseMiddleware):
    """A child shop its parent's owner suspended: every customer gets one line, nothing runs.
    (Its owner still reaches the shop: they must be able to see and settle it.)"""

    def __init__(
        self,
        paused: Callable[[], bool],
        owners: frozenset[int],
        translate: Translator,
        default_locale: str,
    ) -> None:
        self._paused = paused
        self._owners = owners
        self._translate = translate
        self._default_locale = default_locale

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        tg_user: TelegramUser | None = data.get("event_from_user")
        if not self._paused() or (tg_user is not None and tg_user.id in self._owners):
            return await handler(event, data)
        if isinstance(event, Update) and (event.message or event.callback_query) and tg_user:
            locale = pick_locale(None, tg_user.language_code, self._default_locale)
            await _say(event, self._translate("child-paused", locale))
        return None
