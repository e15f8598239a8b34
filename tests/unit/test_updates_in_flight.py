"""A shutdown, or the rebuild a settings change makes, lets the updates being handled finish
before the database closes (bot/ui/middlewares.py: ReleaseUpdateMiddleware)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiogram.types import TelegramObject

from bot.ui.middlewares import ReleaseUpdateMiddleware


async def test_shutdown_waits_for_an_update_still_being_handled() -> None:
    handling = ReleaseUpdateMiddleware()
    release = asyncio.Event()
    finished: list[str] = []

    async def slow_handler(event: TelegramObject, data: dict[str, Any]) -> str:
        await release.wait()
        finished.append("answered")
        return "done"

    assert await handling.wait_idle(0.01)  # nothing in flight
    task = asyncio.create_task(handling(slow_handler, TelegramObject(), {}))
    await asyncio.sleep(0)
    assert not await handling.wait_idle(0.05)
    release.set()
    assert await handling.wait_idle(1.0)
    assert finished == ["answered"] and await task == "done"


async def test_a_failed_update_is_not_counted_as_in_flight() -> None:
    handling = ReleaseUpdateMiddleware()

    async def failing(event: TelegramObject, data: dict[str, Any]) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await handling(failing, TelegramObject(), {})
    assert await handling.wait_idle(0.01)
