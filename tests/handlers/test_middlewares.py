"""Flood control as a user meets it (bot/ui/middlewares.py)."""

from __future__ import annotations

import gc
import time
from typing import Any

import pytest

from bot.ui.i18n import Translator, create_core
from bot.ui.middlewares import ThrottleMiddleware
from tests.conftest import Harness
from tests.fakes import text_update, user
from tests.handlers.payments_support import paid, pre_checkout


async def test_a_flood_is_dropped_after_one_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    throttle = ThrottleMiddleware(3.0, Translator(create_core("en")), "en")
    handled: list[int] = []
    warnings: list[str] = []

    async def handler(event: Any, data: dict[str, Any]) -> None:
        handled.append(1)

    async def say(event: Any, text: str) -> None:
        warnings.append(text)

    monkeypatch.setattr("bot.ui.middlewares._say", say)
    for _ in range(40):
        await throttle(handler, text_update(42, "spam"), {"event_from_user": user(42)})
    assert 5 <= len(handled) <= 12
    assert len(warnings) == 1
    assert "slow down" in warnings[0]
    allowed, _ = throttle.allow(42, time.monotonic() + 5)  # it recovers with time
    assert allowed


async def test_payments_pass_flood_control_however_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """A customer who flooded the chat still gets a payment answered and credited: Telegram
    cancels a payment whose pre-checkout query is not answered."""
    throttle = ThrottleMiddleware(3.0, Translator(create_core("en")), "en")
    handled: list[str] = []

    async def handler(event: Any, data: dict[str, Any]) -> None:
        handled.append(
            "payment" if event.pre_checkout_query or event.message.successful_payment else "text"
        )

    async def say(event: Any, text: str) -> None:
        return None

    monkeypatch.setattr("bot.ui.middlewares._say", say)
    data = {"event_from_user": user(43)}
    for _ in range(40):
        await throttle(handler, text_update(43, "spam"), data)
    await throttle(handler, pre_checkout(43, "topup:43:5:250", 250), data)
    await throttle(handler, paid(43, "topup:43:5:250", 250, "charge-43"), data)
    assert handled[-2:] == ["payment", "payment"]
    assert handled.count("text") < 40


async def test_handled_updates_leave_no_cycles_for_the_garbage_collector(
    harness: Harness,
) -> None:
    """Each update's data is freed when the update is done, not by a collector pass that
    stops every customer's update while it walks the heap (bench/README.md)."""
    h = harness
    user_id = h.new_user()
    await h.say(user_id, "/start")
    gc.collect()
    gc.disable()
    try:
        for text in ("Help", "New order", "My orders", "Balance", "/start") * 4:
            await h.say(user_id, text)
        left = gc.collect()
    finally:
        gc.enable()
    assert left < 10, f"{left} objects in cycles after 20 updates"  # each update left ~5
