"""Flood control as a user meets it (bot/ui/middlewares.py)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from bot.ui.i18n import Translator, create_core
from bot.ui.middlewares import ThrottleMiddleware
from tests.fakes import text_update, user


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
